// What the six runs left behind: two SQL revisions (the last revision goal found nothing to
// write), the second adding the phone column, and the goals' own reports in the build log.
def revisions = new File(basedir, 'src/main/resources/db/migration').listFiles().findAll { it.name.endsWith('.sql') }
assert revisions.collect { it.name.substring(12) }.sort() == ['_add_customer.sql', '_add_phone.sql']
def first = revisions.find { it.name.endsWith('_add_customer.sql') }.name.substring(0, 12)
def phone = revisions.find { it.name.endsWith('_add_phone.sql') }
assert phone.text.contains('ADD COLUMN phone') && !phone.text.contains('CREATE TABLE')
def log = new File(basedir, 'build.log').text
assert log.count('No new upgrade operations detected.') == 2
assert log.contains('New upgrade operations detected:')
assert log.contains('- add column customer.phone string(20)')
assert log.contains('No changes detected: the database at head matches the models; no revision written')
assert log.contains(phone.name.substring(0, 12) + ': reverting classpath:db/migration/' + phone.name)
assert log.contains('[INFO] ' + first + '\n')
return true
