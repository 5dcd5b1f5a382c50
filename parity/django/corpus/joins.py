"""Cases: joins."""
from corpus.base import topic

topic("joins")
