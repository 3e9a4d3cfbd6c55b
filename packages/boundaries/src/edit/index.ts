export { planContext, type PlanContext } from './plan-context.ts';
export { moveFiles, mergeServices, renameService, setPinned, newServiceId, type MoveTarget } from './edit-plan.ts';
export { splitService } from './split-service.ts';
