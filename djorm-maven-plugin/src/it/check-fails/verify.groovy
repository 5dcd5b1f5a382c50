def log = new File(basedir, 'build.log').text
assert log.contains('djorm:check failed: the models have changes without a migration:')
assert log.contains('0002_author_city.json') : 'the failure does not name the missing migration'
assert log.contains('Add field city to author')
assert log.contains('Run mvn djorm:makemigrations')
// check writes nothing
assert !new File(basedir, 'src/main/resources/migrations/shop/0002_author_city.json').exists()
return true
