"""Cases: writes."""
from corpus.base import topic

topic("writes")
