"""Fraud scoring: features and training."""
