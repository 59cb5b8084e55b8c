/** Docker's labels on a task's container, so `berth ps` and swarm tooling read the same. */
export const TASK_ID_LABEL = 'com.docker.swarm.task.id';
export const SERVICE_ID_LABEL = 'com.docker.swarm.service.id';
export const SERVICE_NAME_LABEL = 'com.docker.swarm.service.name';
export const NODE_ID_LABEL = 'com.docker.swarm.node.id';
export const TASK_NAME_LABEL = 'com.docker.swarm.task.name';
