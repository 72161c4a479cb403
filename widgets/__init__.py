"""Gentle Spine: models, figures and interactive widgets for the course notebooks."""
