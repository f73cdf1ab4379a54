"""Search views: the reader's results page and the JSON API. (Being written.)"""

from django.http import HttpResponse, JsonResponse


def search_page(request):
    return HttpResponse("")


def search_api(request):
    return JsonResponse({})
