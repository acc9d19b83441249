import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { envReads, reads, requiredVariables, WORKSPACE_ROOT, type EnvReads } from './env-reads.ts';
import { podContainers, podSpec, yamlFiles, type Container, type K8sObject, type Rendered } from './render.ts';

/** Where the image keeps the workspace (deploy/Dockerfile). */
export const IMAGE_ROOT = '/app';

/** The subgraphs of the manifest, plus the embedded issuer's database: what a `${NAME}_…` variable can name. */
export const SUBGRAPHS: string[] = (JSON.parse(readFileSync(path.join(WORKSPACE_ROOT, 'gateway/subgraphs.json'), 'utf8')) as { subgraphs: { name: string; optional?: boolean }[] }).subgraphs
  .filter((subgraph) => !subgraph.optional)
  .map((subgraph) => subgraph.name);
const NAME_PARTS = [...SUBGRAPHS, 'identity', 'gateway', 'shell', 'district', 'ward', 'cell'].map((name) => name.toUpperCase());

/** What a container runs, recognized from its working directory and command. */
export interface Process {
  kind: 'subgraph' | 'gateway' | 'migrate' | 'frontend';
  /** The subgraph, `identity` for the issuer's migrations, the front end. */
  name: string;
  /** The entry file in the workspace. */
  entry: string;
  /** The files that start it: their `X is not set` refusals are the variables it cannot start without. */
  startFiles: string[];
  wait: boolean;
}

export function processOf(container: Container): Process | undefined {
  const dir = path.posix.relative(IMAGE_ROOT, container.workingDir ?? '');
  const command = [...(container.command ?? []), ...(container.args ?? [])];
  const script = command.find((part) => part.endsWith('.ts'));
  const service = /^services\/([a-z-]+)$/.exec(dir)?.[1];
  const frontend = /^frontends\/([a-z-]+)$/.exec(dir)?.[1];
  const wait = command.includes('--wait');
  if (service && script === 'src/main.ts') return { kind: 'subgraph', name: service, entry: `${dir}/src/main.ts`, startFiles: [`${dir}/src/main.ts`, 'packages/server/src/main.ts'], wait };
  if (service && script === 'src/migrate.main.ts') return { kind: 'migrate', name: service, entry: `${dir}/src/migrate.main.ts`, startFiles: [`${dir}/src/migrate.main.ts`], wait };
  if (dir === 'gateway' && script === 'src/main.ts') return { kind: 'gateway', name: 'gateway', entry: 'gateway/src/main.ts', startFiles: ['gateway/src/main.ts', 'gateway/src/gateway.ts'], wait };
  if (dir === 'gateway' && script === 'src/migrate-identity.main.ts') return { kind: 'migrate', name: 'identity', entry: 'gateway/src/migrate-identity.main.ts', startFiles: ['gateway/src/migrate-identity.main.ts'], wait };
  if (frontend && command.includes('preview') && command.some((part) => part.endsWith('vite.js'))) return { kind: 'frontend', name: frontend, entry: `${dir}/vite.config.ts`, startFiles: [], wait };
  return undefined;
}

const readsCache = new Map<string, EnvReads>();
/** The variables the process reads (cached: the scan parses a hundred files). */
export function processReads(process: Process): EnvReads {
  let found = readsCache.get(process.entry);
  if (!found) {
    found = envReads([process.entry], NAME_PARTS);
    readsCache.set(process.entry, found);
  }
  return found;
}

/** The producers whose events a subgraph consumes (`consumes: { organization: …, … }` in its definition). */
export function consumedProducers(subgraph: string): string[] {
  const source = readFileSync(path.join(WORKSPACE_ROOT, 'services', subgraph, 'src/subgraph.ts'), 'utf8');
  const block = /consumes:\s*\{([^}]*)\}/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/(\w+)\s*:/g)].map((match) => match[1]!);
}

/** Read by the libraries rather than our code: Node, express and Apollo Server act for production with NODE_ENV=production. */
export const RUNTIME_VARIABLES = new Set(['NODE_ENV', 'NODE_OPTIONS']);

/** Values that must never be written in a manifest: they go in Secrets. */
const SECRET_VARIABLE = /(_DATABASE_URL|_PRIVATE_KEY|_PUBLIC_KEYS?|_SECRET)$/;

export interface CheckOptions {
  /** Validates one object against the Kubernetes schema; throws with the reason. */
  validateSchema: (object: K8sObject) => Promise<void>;
}

/** Every rule the deployment files must keep; an empty list when they all hold. */
export async function checkDeployment(rendered: Rendered, options: CheckOptions): Promise<string[]> {
  const problems: string[] = [];
  const objects = rendered.objects;
  const id = (object: K8sObject) => `${object.kind} ${object.metadata.name}`;
  const deployments = objects.filter((object) => object.kind === 'Deployment');
  const jobs = objects.filter((object) => object.kind === 'Job');
  const services = objects.filter((object) => object.kind === 'Service');
  const configMaps = objects.filter((object) => object.kind === 'ConfigMap');

  // Every YAML file of a kustomization folder is rendered: none lies there forgotten.
  for (const folder of rendered.folders) {
    for (const file of yamlFiles(folder.dir)) {
      if (!folder.named.includes(file)) problems.push(`${path.relative(WORKSPACE_ROOT, folder.dir)}/${file} is not listed in its kustomization.yaml`);
    }
  }

  for (const object of objects) {
    try {
      await options.validateSchema(object);
    } catch (error) {
      problems.push(`${id(object)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // A Service sends to a Deployment's pods, on a port their containers declare.
  const servicePort = (url: string): string | undefined => {
    const match = /^http:\/\/([a-z0-9-]+):(\d+)\/graphql$/.exec(url) ?? /^http:\/\/([a-z0-9-]+):(\d+)$/.exec(url);
    if (!match) return `${url} is not http://<service>:<port>[/graphql]`;
    const service = services.find((candidate) => candidate.metadata.name === match[1]);
    const ports = (service?.spec as { ports?: { port: number }[] } | undefined)?.ports ?? [];
    return service && ports.some((port) => port.port === Number(match[2])) ? undefined : `${url} names no Service port (${match[1]}:${match[2]})`;
  };
  for (const service of services) {
    const spec = service.spec as { selector?: Record<string, string>; ports?: { targetPort?: string | number }[] };
    const target = deployments.find((deployment) => {
      const labels = (deployment.spec as { template: { metadata?: { labels?: Record<string, string> } } }).template.metadata?.labels ?? {};
      return Object.entries(spec.selector ?? {}).every(([key, value]) => labels[key] === value);
    });
    if (!target || !spec.selector) {
      problems.push(`${id(service)}: its selector matches no Deployment's pods`);
      continue;
    }
    const declared = podSpec(target)!.containers.flatMap((container) => container.ports ?? []);
    for (const port of spec.ports ?? []) {
      if (!declared.some((candidate) => candidate.name === port.targetPort || candidate.containerPort === port.targetPort)) problems.push(`${id(service)}: targetPort ${String(port.targetPort)} is no port of ${id(target)}`);
    }
  }

  for (const deployment of deployments) {
    const spec = deployment.spec as { replicas?: number; strategy?: { rollingUpdate?: { maxUnavailable?: number | string } } };
    if ((spec.replicas ?? 1) < 2) problems.push(`${id(deployment)}: fewer than 2 replicas`);
    if (spec.strategy?.rollingUpdate?.maxUnavailable !== 0) problems.push(`${id(deployment)}: a rollout must keep every old replica until a new one is ready (maxUnavailable: 0)`);
    for (const container of podSpec(deployment)!.containers) {
      const process = processOf(container);
      const ports = container.ports ?? [];
      // Readiness and liveness on /health of the container's own port (/health/self: the process alone).
      for (const [kind, probe] of [['readinessProbe', container.readinessProbe], ['livenessProbe', container.livenessProbe]] as const) {
        const get = probe?.httpGet;
        if (!get) {
          problems.push(`${id(deployment)} ${container.name}: no ${kind} over HTTP`);
          continue;
        }
        if (get.path !== '/health' && get.path !== '/health/self') problems.push(`${id(deployment)} ${container.name}: ${kind} on ${get.path ?? '/'}, not /health`);
        if (!ports.some((port) => port.name === get.port || port.containerPort === get.port)) problems.push(`${id(deployment)} ${container.name}: ${kind} on port ${String(get.port)}, which the container does not declare`);
      }
      // The gateway's /health is 503 when any core subgraph is down: as readiness it would take every replica out.
      if (process?.kind === 'gateway' && container.readinessProbe?.httpGet?.path !== '/health/self') problems.push(`${id(deployment)} ${container.name}: readiness must be /health/self (the gateway's /health fails when one subgraph is down)`);
      if (process?.kind === 'subgraph' && container.livenessProbe?.httpGet?.path !== '/health/self') problems.push(`${id(deployment)} ${container.name}: liveness must be /health/self (a database outage must not restart the subgraph)`);
    }
  }

  // What each process is given: names it reads, the ones it cannot start without, addresses that reach something.
  for (const object of [...deployments, ...jobs]) {
    const containers = podContainers(object);
    const main = podSpec(object)!.containers;
    for (const container of containers) {
      const where = `${id(object)} ${container.name}`;
      const process = processOf(container);
      if (!process) {
        problems.push(`${where}: runs ${JSON.stringify(container.command)} in ${container.workingDir ?? '?'}, which is none of the known processes`);
        continue;
      }
      if (!existsSync(path.join(WORKSPACE_ROOT, process.entry))) {
        problems.push(`${where}: ${process.entry} does not exist`);
        continue;
      }
      if (container.envFrom) problems.push(`${where}: envFrom hides which variables are set; name each one under env`);
      const env = new Map((container.env ?? []).map((variable) => [variable.name, variable]));
      const known = processReads(process);
      for (const name of env.keys()) if (!reads(known, name) && !RUNTIME_VARIABLES.has(name)) problems.push(`${where}: sets ${name}, which ${process.entry} and what it imports never read`);
      for (const name of requiredVariables(process.startFiles)) if (!env.has(name)) problems.push(`${where}: misses ${name}, which ${process.entry} refuses to start without`);
      for (const [name, variable] of env) {
        if (SECRET_VARIABLE.test(name) && !variable.valueFrom?.secretKeyRef) problems.push(`${where}: ${name} must come from a Secret (secretKeyRef), not be written here`);
        if (variable.value && /:\/\/[^/\s]*:[^/\s]*@/.test(variable.value)) problems.push(`${where}: ${name} holds a password in its value`);
        const configMap = variable.valueFrom?.configMapKeyRef;
        if (configMap && !configMap.optional) {
          const found = configMaps.find((candidate) => candidate.metadata.name === configMap.name);
          if (!(found?.data as Record<string, string> | undefined)?.[configMap.key]) problems.push(`${where}: ${name} refers to ConfigMap ${configMap.name} key ${configMap.key}, which is not here`);
        }
      }
      const value = (name: string) => env.get(name)?.value;
      const own = process.name.toUpperCase();
      const declaredPorts = (container.ports ?? []).map((port) => String(port.containerPort));
      const needsUrl = (name: string) => {
        const url = value(name);
        if (!url) problems.push(`${where}: misses ${name} (its default is a localhost address)`);
        else {
          const problem = servicePort(url);
          if (problem) problems.push(`${where}: ${name}: ${problem}`);
        }
      };
      const needsDatabase = (name: string) => {
        if (!env.get(`${name.toUpperCase()}_DATABASE_URL`)?.valueFrom?.secretKeyRef) problems.push(`${where}: misses ${name.toUpperCase()}_DATABASE_URL from a Secret (else it starts an embedded PostgreSQL in the pod)`);
      };
      switch (process.kind) {
        case 'subgraph':
          needsDatabase(process.name);
          if (value(`${own}_HOST`) !== '0.0.0.0') problems.push(`${where}: ${own}_HOST must be 0.0.0.0 (it listens on 127.0.0.1 otherwise, out of its Service's and probes' reach)`);
          if (!declaredPorts.includes(value(`${own}_PORT`) ?? '')) problems.push(`${where}: ${own}_PORT is not its declared container port`);
          for (const producer of consumedProducers(process.name)) needsUrl(`${producer.toUpperCase()}_URL`);
          break;
        case 'gateway':
          if (value('GATEWAY_HOST') !== '0.0.0.0') problems.push(`${where}: GATEWAY_HOST must be 0.0.0.0 (it listens on 127.0.0.1 otherwise)`);
          if (!declaredPorts.includes(value('GATEWAY_PORT') ?? '')) problems.push(`${where}: GATEWAY_PORT is not its declared container port`);
          for (const subgraph of SUBGRAPHS) needsUrl(`${subgraph.toUpperCase()}_URL`);
          break;
        case 'migrate':
          needsDatabase(process.name);
          break;
        case 'frontend': {
          const command = container.command ?? [];
          if (command[command.indexOf('--host') + 1] !== '0.0.0.0' || !command.includes('--host')) problems.push(`${where}: vite preview must listen on --host 0.0.0.0`);
          if (!declaredPorts.includes(command[command.indexOf('--port') + 1] ?? '')) problems.push(`${where}: --port is not its declared container port`);
          for (const name of [...known.names].filter((name) => name.endsWith('_URL'))) {
            if (name === 'GATEWAY_URL') needsUrl(name);
            else if (!env.has(name)) problems.push(`${where}: misses ${name} (the browser's address of that module; its default is localhost)`);
          }
          break;
        }
      }
      // Migrations before rollout: a database this pod serves is migrated by a Job, and the pod waits for it.
      if (main.includes(container) && process.kind !== 'migrate' && process.kind !== 'frontend' && object.kind === 'Deployment') {
        const database = process.kind === 'gateway' ? 'identity' : process.name;
        const waits = (podSpec(object)!.initContainers ?? []).some((init) => {
          const other = processOf(init);
          return other?.kind === 'migrate' && other.name === database && other.wait;
        });
        if (!waits) problems.push(`${where}: no init container waits for the ${database} migrations (migrate --wait)`);
        const job = jobs.find((candidate) => podContainers(candidate).some((init) => {
          const other = processOf(init);
          return other?.kind === 'migrate' && other.name === database && !other.wait;
        }));
        if (!job) problems.push(`${where}: no Job migrates the ${database} database`);
        else if (job.metadata.annotations?.['argocd.argoproj.io/hook'] !== 'PreSync') problems.push(`${id(job)}: not marked to run before the rollout (argocd.argoproj.io/hook: PreSync)`);
      }
    }
  }

  // Secrets are created beside the deployment (or by a secrets operator), never written in these files.
  for (const secret of objects.filter((object) => object.kind === 'Secret')) {
    if (secret.data || secret.stringData) problems.push(`${id(secret)}: a Secret's values are written in the deployment files`);
  }

  for (const autoscaler of objects.filter((object) => object.kind === 'HorizontalPodAutoscaler')) {
    const spec = autoscaler.spec as { scaleTargetRef: { kind: string; name: string }; minReplicas?: number; metrics?: { resource?: { name: string } }[] };
    const target = objects.find((object) => object.kind === spec.scaleTargetRef.kind && object.metadata.name === spec.scaleTargetRef.name);
    if (!target) {
      problems.push(`${id(autoscaler)}: scales ${spec.scaleTargetRef.kind} ${spec.scaleTargetRef.name}, which is not here`);
      continue;
    }
    if ((spec.minReplicas ?? 1) < 2) problems.push(`${id(autoscaler)}: minReplicas below 2`);
    for (const metric of spec.metrics ?? []) {
      const resource = metric.resource?.name;
      if (resource && podSpec(target)!.containers.some((container) => !container.resources?.requests?.[resource])) problems.push(`${id(autoscaler)}: scales on ${resource}, but a container of ${id(target)} requests none (utilization is a share of the request)`);
    }
  }
  for (const name of ['gateway', ...SUBGRAPHS]) {
    if (!objects.some((object) => object.kind === 'HorizontalPodAutoscaler' && (object.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === name)) problems.push(`Deployment ${name}: no HorizontalPodAutoscaler`);
  }
  return problems;
}
