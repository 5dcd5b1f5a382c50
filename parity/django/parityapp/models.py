"""The parity models. Their Java twins live in orm-behaviour, package io.djorm.behaviour.parity."""
from django.db import models


class Publisher(models.Model):
    name = models.CharField(max_length=50)
    country = models.CharField(max_length=30, null=True)
    founded = models.DateField(null=True)


class Author(models.Model):
    name = models.CharField(max_length=50)
    email = models.CharField(max_length=80, null=True, unique=True)
    born = models.DateField(null=True)
    rating = models.FloatField(null=True)
    mentor = models.ForeignKey("self", models.SET_NULL, null=True, related_name="pupils")


class Profile(models.Model):
    author = models.OneToOneField(Author, models.CASCADE, related_name="profile")
    bio = models.CharField(max_length=100, default="")
    joined = models.DateTimeField(null=True)


class Tag(models.Model):
    name = models.CharField(max_length=30, unique=True)


class Book(models.Model):
    title = models.CharField(max_length=100)
    pages = models.IntegerField(null=True)
    price = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    published = models.DateField(null=True)
    opened = models.DateTimeField(null=True)
    printed = models.BooleanField(default=True)
    author = models.ForeignKey(Author, models.CASCADE, related_name="books")
    publisher = models.ForeignKey(Publisher, models.SET_NULL, null=True, related_name="books")
    editor = models.ForeignKey(Author, models.PROTECT, null=True, related_name="edited")
    tags = models.ManyToManyField(Tag, related_name="books")


class Review(models.Model):
    book = models.ForeignKey(Book, models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(Author, models.SET_DEFAULT, default=1, related_name="reviews")
    stars = models.IntegerField()
    comment = models.TextField(default="")
    posted = models.DateTimeField(null=True)


class Loan(models.Model):
    book = models.ForeignKey(Book, models.RESTRICT, related_name="loans")
    borrower = models.CharField(max_length=50)
    due = models.DateField(null=True)
