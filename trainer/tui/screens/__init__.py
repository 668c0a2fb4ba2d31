"""The trainer's screens: picker → briefing → negotiation → result, plus history and help."""
