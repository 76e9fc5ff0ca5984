"""Open Badges 2.0 hosted documents and baked images, and Open Badges 3.0 credentials."""
