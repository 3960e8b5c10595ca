"""The web app's sessions and the form drafts kept for the people signed in to it."""
