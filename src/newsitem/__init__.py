"""newsitem."""
