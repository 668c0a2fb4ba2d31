"""回款道场 — a negotiation-practice trainer for collecting overdue receivables."""

__version__ = "0.1.0"
