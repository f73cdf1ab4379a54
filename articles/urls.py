from django.urls import path

from .views import search

urlpatterns = [
    path("search/", search.search_page, name="search"),
    path("api/search", search.search_api, name="search_api"),
]
