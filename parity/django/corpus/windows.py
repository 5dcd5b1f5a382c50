"""Cases: windows."""
from corpus.base import topic

topic("windows")
