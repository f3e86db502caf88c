export { Steps, type StepItem, type StepsProps, type StepState } from "./steps";
