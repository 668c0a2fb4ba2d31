"""The terminal UI (Textual). Imported lazily: headless commands never load textual."""
