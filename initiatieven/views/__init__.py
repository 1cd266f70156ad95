"""The pages of steps 3 and 4, one module per group of pages."""
