"""Pure numpy teaching models: no plotting, no widgets."""
