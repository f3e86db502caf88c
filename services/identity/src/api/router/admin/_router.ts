import { router } from "../../trpc";
import { staffRouter } from "./staff/_router";

export const adminRouter = router({
  staff: staffRouter,
});
