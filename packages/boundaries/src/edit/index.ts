export { planContext, type PlanContext } from './plan-context.ts';
export { moveFiles, mergeServices, renameService, setPinned, type MoveTarget } from './edit-plan.ts';
export { splitService } from './split-service.ts';
