"""The Django project whose database djorm takes over in TakeOverDjangoDatabaseTest."""
from django.db import models


class Author(models.Model):
    name = models.CharField(max_length=100)


class Tag(models.Model):
    label = models.CharField(max_length=30, unique=True)


class Book(models.Model):
    title = models.CharField(max_length=200)
    isbn = models.CharField(max_length=13, db_index=True)
    price = models.DecimalField(max_digits=8, decimal_places=2)
    rating = models.FloatField(default=0.0)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    tags = models.ManyToManyField(Tag)

    class Meta:
        unique_together = [("title", "author")]
