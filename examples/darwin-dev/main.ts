/**
 * The seed scenario of the persistent storage article, on a single-node dev cluster (kind, minikube, Docker Desktop):
 * a hostPath PersistentVolume `darwin-volume` (10Gi, ReadWriteMany, class `dev`), a claim `darwin-claim` (3Gi)
 * bound to it, and an nginx pod serving the volume from /usr/share/nginx/html.
 * The validator warns (STO-021) that hostPath works on one node only: that is the point of this example.
 *
 * In your own app, import from 'cdk8s-golden-paths' instead of '../../src'.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { PodHardening, SharedRwxVolume, SharedVolumeBackend } from '../../src';

export class DarwinChart extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const volume = new SharedRwxVolume(this, 'darwin', {
      backend: SharedVolumeBackend.hostPath({ path: '/mnt/data', storageClassName: 'dev', capacity: Size.gibibytes(10) }),
      size: Size.gibibytes(3),
      claimName: 'darwin-claim',
      persistentVolumeName: 'darwin-volume',
    });

    // nginx as the article has it, in its unprivileged build (same html root, port 8080, uid 101), so the pod
    // passes Pod Security "restricted" even on a dev cluster; nginx writes its pid and temp files to /tmp.
    const pod = new kplus.Pod(this, 'nginx', {
      metadata: {
        // a laptop's single-node cluster: no NetworkPolicy, said once, with the reason, where the validator reads it
        annotations: { 'golden-paths.dev/suppress.SEC-028': 'dev pod on a single-node Docker Desktop cluster, reached by port-forward only' },
      },
      containers: [{
        name: 'nginx',
        image: 'nginxinc/nginx-unprivileged:1.27',
        portNumber: 8080,
        readiness: kplus.Probe.fromTcpSocket({ port: 8080 }),
        liveness: kplus.Probe.fromTcpSocket({ port: 8080, failureThreshold: 6 }),
      }],
    });
    PodHardening.apply(pod, { uid: 101, writableDirs: ['/tmp'] });
    volume.mountInWorkload(pod, '/usr/share/nginx/html');
  }
}

const app = new App();
new DarwinChart(app, 'darwin-dev');
app.synth();
