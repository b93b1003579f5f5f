/**
 * The payments team's orders app on Acme's golden path (./acme-platform.ts): a PostgreSQL database, a volume of
 * uploads shared by the API's pods and an HTTPS route. No storage class, ingress class, issuer, registry, label,
 * namespace or database size is written here: the platform set them once, and its policy checks the result.
 *
 * The credentials Secret `orders-db-credentials` (key `password`) is created out of band, never in this app.
 */
import { Size } from 'cdk8s';
import { Secret } from 'cdk8s-plus-27';
import { AcmeApp, AcmeChart, AcmeEnv, AcmeWebService } from './acme-platform';
import { DatabaseEngine, DatabaseRuntime, RouteBackend, SharedRwxVolume, StatefulDatabase, WebRoute } from '../../src';

const app = new AcmeApp({ team: 'payments', costCentre: 'cc-4711', env: AcmeEnv.PROD });
const orders = new AcmeChart(app, 'orders'); // namespace payments-orders

const db = new StatefulDatabase(orders, 'orders-db', {
  engine: DatabaseEngine.postgres({ version: '16.4' }),
  runtime: DatabaseRuntime.cloudNativePg(), // Acme runs CloudNativePG for replicated PostgreSQL
  replicas: 3,
  storage: { size: Size.gibibytes(50) },
  credentials: { secret: Secret.fromSecretName(orders, 'db-credentials', 'orders-db-credentials') },
});
const uploads = new SharedRwxVolume(orders, 'uploads', { size: Size.gibibytes(100) });
const api = new AcmeWebService(orders, 'api', { image: 'registry.acme.internal/payments/orders-api:2.3.1', port: 8080 });

db.connect(api.deployment, { envPrefix: 'ORDERS_DB' });
uploads.mountInWorkload(api.deployment, '/srv/uploads');
new WebRoute(orders, 'route', {
  rules: [{ host: 'orders.acme.com', backend: RouteBackend.service(api.service, { portName: 'http' }) }],
});

app.synth();
