from django.apps import AppConfig


class ParityConfig(AppConfig):
    name = "parityapp"
    label = "parity"
