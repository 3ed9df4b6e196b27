"""Shopping: cart, checkout, orders, payments, addresses, wishlist (`module.ShoppingModule`)."""
