// Starts the libSQL test server for the second invocation and tells it the URL. verify.groovy stops
// it; the server also exits with this JVM (--exit-with-parent) if the build stops early.
def server = io.djorm.testkit.LibsqlTestServer.start()
System.properties.put('djorm.it.libsqlServer', server)
new File(basedir, 'libsql.properties').text = "djorm.databaseUrl=libsql+${server.url()}\n"
return true
