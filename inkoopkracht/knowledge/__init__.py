"""The public site and shared knowledge: home page, the guide (handreiking), lessons, news."""
