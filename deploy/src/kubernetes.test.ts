import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { envReads, WORKSPACE_ROOT } from './env-reads.ts';
import { podContainers, podSpec, renderKustomization, type Container, type K8sObject, type Rendered } from './render.ts';
import { checkDeployment, processOf } from './rules.ts';
import { validateSchema } from './schemas.ts';

const BASE = path.join(WORKSPACE_ROOT, 'deploy/kubernetes/base');
const OVERLAY = path.join(WORKSPACE_ROOT, 'deploy/kubernetes/overlays/example');
const check = (rendered: Rendered) => checkDeployment(rendered, { validateSchema });

let base: Rendered;
beforeAll(() => {
  base = renderKustomization(BASE);
});

/** The base with one change: each rule below is shown to fire on a deployment that breaks it. */
function changed(change: (objects: K8sObject[]) => void): Rendered {
  const objects = structuredClone(base.objects);
  change(objects);
  return { objects, folders: base.folders };
}
const find = (objects: K8sObject[], kind: string, name: string) => objects.find((object) => object.kind === kind && object.metadata.name === name)!;
const container = (objects: K8sObject[], name: string): Container => podSpec(find(objects, 'Deployment', name))!.containers[0]!;

describe('the Kubernetes base and the example overlay (rendered here, validated with kubernetes-models)', () => {
  it('render: a Deployment and a Service per subgraph, the gateway and each front end; an autoscaler for the gateway and each subgraph; a migration Job per database', () => {
    const names = (kind: string) => base.objects.filter((object) => object.kind === kind).map((object) => object.metadata.name).sort();
    const processes = ['cell', 'district', 'evaluation', 'gateway', 'membership', 'organization', 'shell', 'ward'];
    expect(names('Deployment')).toEqual(processes);
    expect(names('Service')).toEqual(processes);
    expect(names('HorizontalPodAutoscaler')).toEqual(['evaluation', 'gateway', 'membership', 'organization']);
    expect(names('Job')).toEqual(['migrate-evaluation', 'migrate-identity', 'migrate-membership', 'migrate-organization']);
    expect(names('Secret')).toEqual([]);
  });

  it('the base keeps every rule', async () => {
    expect(await check(base)).toEqual([]);
  });

  it('the example overlay keeps every rule, with its image, namespace, replicas and hosts applied', async () => {
    const overlay = renderKustomization(OVERLAY);
    expect(await check(overlay)).toEqual([]);
    const gateway = find(overlay.objects, 'Deployment', 'gateway');
    expect(gateway.metadata.namespace).toBe('dangvien-namdinh');
    expect((gateway.spec as { replicas: number }).replicas).toBe(3);
    expect(new Set(overlay.objects.flatMap(podContainers).map((each) => each.image))).toEqual(new Set(['registry.example.org/dangvien:2026.12.05']));
    expect(find(overlay.objects, 'ConfigMap', 'public-urls').data).toEqual({
      DISTRICT_URL: 'https://district.dangvien.namdinh.example.vn',
      WARD_URL: 'https://ward.dangvien.namdinh.example.vn',
      CELL_URL: 'https://cell.dangvien.namdinh.example.vn',
    });
    // The patch's env list merges by name: the shell keeps its other variables.
    expect(container(overlay.objects, 'shell').env!.map((variable) => variable.name)).toEqual(['GATEWAY_URL', 'DISTRICT_URL', 'WARD_URL', 'CELL_URL']);
    expect(find(overlay.objects, 'Namespace', 'dangvien-namdinh').metadata.namespace).toBeUndefined();
  });

  it('refuses an object that breaks the Kubernetes schema', async () => {
    const problems = await check(changed((objects) => (container(objects, 'gateway').ports![0]!.containerPort = 'four thousand' as unknown as number)));
    expect(problems.join('\n')).toMatch(/Deployment gateway: .*containerPort must be integer/);
  });

  it('refuses a YAML file its kustomization does not list', async () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'deploy-'));
    cpSync(BASE, copy, { recursive: true });
    writeFileSync(path.join(copy, 'forgotten.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: forgotten\n');
    expect(await check(renderKustomization(copy))).toEqual([`${path.relative(WORKSPACE_ROOT, copy)}/forgotten.yaml is not listed in its kustomization.yaml`]);
  });

  it('refuses a kustomization field the renderer does not render, rather than skip it', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'deploy-'));
    cpSync(BASE, copy, { recursive: true });
    writeFileSync(path.join(copy, 'kustomization.yaml'), 'resources: [gateway.yaml]\nconfigMapGenerator: [{ name: x, literals: [A=1] }]\n');
    expect(() => renderKustomization(copy)).toThrow(/configMapGenerator not rendered by deploy\/src\/render.ts/);
  });

  it('refuses a probe off /health, on an undeclared port, or missing', async () => {
    const problems = await check(
      changed((objects) => {
        container(objects, 'membership').readinessProbe!.httpGet!.path = '/graphql';
        container(objects, 'cell').livenessProbe!.httpGet!.port = 9999;
        delete container(objects, 'ward').readinessProbe;
      }),
    );
    expect(problems).toEqual([
      'Deployment membership membership: readinessProbe on /graphql, not /health',
      'Deployment ward ward: no readinessProbe over HTTP',
      'Deployment cell cell: livenessProbe on port 9999, which the container does not declare',
    ]);
  });

  it("refuses the gateway's /health as its readiness, and a subgraph's database check as its liveness", async () => {
    const problems = await check(
      changed((objects) => {
        container(objects, 'gateway').readinessProbe!.httpGet!.path = '/health';
        container(objects, 'evaluation').livenessProbe!.httpGet!.path = '/health';
      }),
    );
    expect(problems).toEqual([
      'Deployment evaluation evaluation: liveness must be /health/self (a database outage must not restart the subgraph)',
      "Deployment gateway gateway: readiness must be /health/self (the gateway's /health fails when one subgraph is down)",
    ]);
  });

  it('refuses a variable the process never reads (a typo), and one it cannot start without missing', async () => {
    const problems = await check(
      changed((objects) => {
        container(objects, 'gateway').env!.push({ name: 'GRAPHQL_MAX_DEPT', value: '12' });
        const membership = container(objects, 'membership');
        membership.env = membership.env!.filter((variable) => variable.name !== 'EVENT_FEED_SECRET');
        // A subgraph's variable given to the shell: no file the shell's server runs reads it.
        container(objects, 'shell').env!.push({ name: 'MEMBERSHIP_HOST', value: '0.0.0.0' });
      }),
    );
    expect(problems).toEqual([
      'Deployment membership membership: misses EVENT_FEED_SECRET, which services/membership/src/main.ts refuses to start without',
      'Deployment gateway gateway: sets GRAPHQL_MAX_DEPT, which gateway/src/main.ts and what it imports never read',
      'Deployment shell shell: sets MEMBERSHIP_HOST, which frontends/shell/vite.config.ts and what it imports never read',
    ]);
  });

  it('refuses a process listening on 127.0.0.1, on another port, or calling a subgraph no Service serves', async () => {
    const problems = await check(
      changed((objects) => {
        const organization = container(objects, 'organization');
        organization.env = organization.env!.filter((variable) => variable.name !== 'ORGANIZATION_HOST');
        container(objects, 'gateway').env!.find((variable) => variable.name === 'GATEWAY_PORT')!.value = '8080';
        container(objects, 'gateway').env!.find((variable) => variable.name === 'EVALUATION_URL')!.value = 'http://evaluaton:4003/graphql';
        const evaluation = container(objects, 'evaluation');
        evaluation.env = evaluation.env!.filter((variable) => variable.name !== 'MEMBERSHIP_URL');
      }),
    );
    expect(problems).toEqual([
      'Deployment organization organization: ORGANIZATION_HOST must be 0.0.0.0 (it listens on 127.0.0.1 otherwise, out of its Service\'s and probes\' reach)',
      'Deployment evaluation evaluation: misses MEMBERSHIP_URL (its default is a localhost address)',
      'Deployment gateway gateway: GATEWAY_PORT is not its declared container port',
      'Deployment gateway gateway: EVALUATION_URL: http://evaluaton:4003/graphql names no Service port (evaluaton:4003)',
    ]);
  });

  it('refuses a secret written in the files: a database URL as a value, envFrom, a Secret with data', async () => {
    const problems = await check(
      changed((objects) => {
        const membership = container(objects, 'membership');
        membership.env!.find((variable) => variable.name === 'MEMBERSHIP_DATABASE_URL')!.valueFrom = undefined;
        membership.env!.find((variable) => variable.name === 'MEMBERSHIP_DATABASE_URL')!.value = 'postgres://membership:hunter2@db/membership';
        container(objects, 'organization').envFrom = [{ secretRef: { name: 'everything' } }];
        objects.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'event-feed-secret' }, stringData: { EVENT_FEED_SECRET: 'x' } });
      }),
    );
    expect(problems).toEqual([
      'Deployment organization organization: envFrom hides which variables are set; name each one under env',
      'Deployment membership membership: MEMBERSHIP_DATABASE_URL must come from a Secret (secretKeyRef), not be written here',
      'Deployment membership membership: MEMBERSHIP_DATABASE_URL holds a password in its value',
      'Deployment membership membership: misses MEMBERSHIP_DATABASE_URL from a Secret (else it starts an embedded PostgreSQL in the pod)',
      "Secret event-feed-secret: a Secret's values are written in the deployment files",
    ]);
  });

  it('refuses an autoscaler whose target is missing or requests no CPU, and a subgraph without one', async () => {
    const problems = await check(
      changed((objects) => {
        (find(objects, 'HorizontalPodAutoscaler', 'gateway').spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name = 'gateways';
        delete container(objects, 'membership').resources!.requests!.cpu;
        objects.splice(objects.indexOf(find(objects, 'HorizontalPodAutoscaler', 'evaluation')), 1);
      }),
    );
    expect(problems).toEqual([
      'HorizontalPodAutoscaler membership: scales on cpu, but a container of Deployment membership requests none (utilization is a share of the request)',
      'HorizontalPodAutoscaler gateway: scales Deployment gateways, which is not here',
      'Deployment gateway: no HorizontalPodAutoscaler',
      'Deployment evaluation: no HorizontalPodAutoscaler',
    ]);
  });

  it('refuses a rollout that does not wait for its migrations, or whose migration Job is missing or not run first', async () => {
    const problems = await check(
      changed((objects) => {
        podSpec(find(objects, 'Deployment', 'evaluation'))!.initContainers = [];
        objects.splice(objects.indexOf(find(objects, 'Job', 'migrate-organization')), 1);
        delete find(objects, 'Job', 'migrate-identity').metadata.annotations!['argocd.argoproj.io/hook'];
      }),
    );
    expect(problems).toEqual([
      'Deployment organization organization: no Job migrates the organization database',
      'Deployment evaluation evaluation: no init container waits for the evaluation migrations (migrate --wait)',
      'Job migrate-identity: not marked to run before the rollout (argocd.argoproj.io/hook: PreSync)',
    ]);
  });

  it('refuses a single replica, a rollout that stops old replicas first, and a Service that reaches no pod', async () => {
    const problems = await check(
      changed((objects) => {
        (find(objects, 'Deployment', 'ward').spec as { replicas: number }).replicas = 1;
        (find(objects, 'Deployment', 'cell').spec as { strategy: { rollingUpdate: { maxUnavailable: number } } }).strategy.rollingUpdate.maxUnavailable = 1;
        (find(objects, 'Service', 'shell').spec as { selector: Record<string, string> }).selector = { 'app.kubernetes.io/name': 'shel' };
      }),
    );
    expect(problems).toEqual([
      'Service shell: its selector matches no Deployment\'s pods',
      'Deployment ward: fewer than 2 replicas',
      'Deployment cell: a rollout must keep every old replica until a new one is ready (maxUnavailable: 0)',
    ]);
  });

  it('refuses a container running something that is none of the processes, or a file that does not exist', async () => {
    const problems = await check(
      changed((objects) => {
        container(objects, 'ward').command = ['nginx', '-g', 'daemon off;'];
        podSpec(find(objects, 'Job', 'migrate-membership'))!.containers[0]!.workingDir = '/app/services/memberships';
      }),
    );
    expect(problems).toEqual([
      'Deployment membership membership: no Job migrates the membership database',
      'Deployment ward ward: runs ["nginx","-g","daemon off;"] in /app/frontends/ward, which is none of the known processes',
      'Job migrate-membership migrate: services/memberships/src/migrate.main.ts does not exist',
    ]);
  });
});

describe('the variables a process reads, read off its source', () => {
  it("finds the gateway's limits (read through a helper taking the name), its keys, OIDC and the subgraphs' addresses (a pattern)", () => {
    const gateway = envReads(['gateway/src/main.ts'], ['ORGANIZATION', 'MEMBERSHIP', 'EVALUATION', 'IDENTITY']);
    for (const name of ['GRAPHQL_MAX_DEPTH', 'GRAPHQL_SUBGRAPH_TIMEOUT_MS', 'GATEWAY_PRIVATE_KEY', 'GATEWAY_OTHER_PUBLIC_KEYS', 'OIDC_JWKS_URL', 'IDENTITY_LOCKOUT_SECONDS', 'DANGVIEN_APOLLO_TELEMETRY', 'SHUTDOWN_GRACE_MS']) {
      expect(gateway.names, name).toContain(name);
    }
    expect(gateway.patterns.some((pattern) => pattern.test('MEMBERSHIP_URL'))).toBe(true);
    expect(gateway.patterns.some((pattern) => pattern.test('MEMBERSHIPS_URL'))).toBe(false);
    expect(gateway.unresolved).toEqual([]);
  });

  it("finds the shell's remote addresses (taken from an object's property) and its port variable (an argument)", () => {
    const shell = envReads(['frontends/shell/vite.config.ts'], []);
    expect([...shell.names].sort()).toEqual(['CELL_URL', 'DISTRICT_URL', 'GATEWAY_URL', 'SHELL_PORT', 'WARD_URL']);
    expect(shell.unresolved).toEqual([]);
  });

  it('recognizes each process of the base from its command', () => {
    const kinds = base.objects.flatMap(podContainers).map((each) => {
      const process = processOf(each);
      return process && `${process.kind} ${process.name}${process.wait ? ' (wait)' : ''}`;
    });
    expect(new Set(kinds)).toEqual(
      new Set([
        'migrate organization', 'migrate membership', 'migrate evaluation', 'migrate identity',
        'migrate organization (wait)', 'migrate membership (wait)', 'migrate evaluation (wait)', 'migrate identity (wait)',
        'subgraph organization', 'subgraph membership', 'subgraph evaluation', 'gateway gateway',
        'frontend shell', 'frontend district', 'frontend ward', 'frontend cell',
      ]),
    );
  });
});
