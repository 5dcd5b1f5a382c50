def server = System.properties.remove('djorm.it.libsqlServer')
server?.close()

def migration = new File(basedir, 'src/main/resources/migrations/shop/0001_initial.json')
assert migration.isFile() : "makemigrations wrote no ${migration}"
assert migration.text.contains('"Author"')

def log = new File(basedir, 'build.log').text
// sqlite, then the libSQL server: both apply the migration, then report it applied and nothing pending
assert log.count('Applying shop.0001_initial') == 2 : 'the migration was not applied on both databases'
assert log.count('[X] 0001_initial') == 2
assert log.count('No changes detected') >= 3
assert new File(basedir, 'target/shop.sqlite3').isFile()
return true
