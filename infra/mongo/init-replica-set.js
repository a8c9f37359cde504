// One-shot set-up of the compose MongoDB replica set (the mongo-init container), idempotent on every
// `up`: forms the replica set on first start, waits for a primary, then gives each service one user that
// may read and write its own database only. Run as the root user the members were created with:
//   mongosh --host mongo-1 -u root -p ... --authenticationDatabase admin /init/init-replica-set.js
// Passwords come from the environment (.env), never from this file.

const SERVICES = [
  {user: 'registration-service', db: 'registration', password: 'MONGO_REGISTRATION_PASSWORD'},
  {user: 'station-monitoring-service', db: 'station_monitoring', password: 'MONGO_STATION_MONITORING_PASSWORD'},
  {user: 'notification-service', db: 'notification', password: 'MONGO_NOTIFICATION_PASSWORD'},
];

try {
  rs.status();
} catch (e) {
  rs.initiate({_id: 'rs0', members: [
    {_id: 0, host: 'mongo-1:27017'}, {_id: 1, host: 'mongo-2:27017'}, {_id: 2, host: 'mongo-3:27017'}]});
}
for (let i = 0; !db.hello().isWritablePrimary; i++) {
  if (i === 240) { print('mongo-1 is not primary after 2 minutes'); quit(1); }
  sleep(500);
}

for (const service of SERVICES) {
  const password = process.env[service.password];
  if (!password) { print(service.password + ' is not set'); quit(1); }
  const database = db.getSiblingDB(service.db);
  // Only its own database: no clusterMonitor, no access to the other services' data.
  const roles = [{role: 'readWrite', db: service.db}];
  if (database.getUser(service.user) === null) {
    database.createUser({user: service.user, pwd: password, roles: roles});
  } else {
    database.updateUser(service.user, {pwd: password, roles: roles});
  }
}
print('replica set and service users ready');
