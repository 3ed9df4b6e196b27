"""Catalogue: categories, products, promotions and photos (the module is in `module.py`)."""
