"""Cases: setops."""
from corpus.base import topic

topic("setops")
