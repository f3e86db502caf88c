// Configuration of the database command-line tools (migrate here, seed in @emporium/seed), validated once.
import path from "node:path";
import { z } from "zod";
import { POSTGRES_URL } from "../env";
import { DEFAULT_DATA_DIR } from "../paths";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(POSTGRES_URL, "must be a postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  EMPORIUM_DATA_DIR: z.string().min(1).optional(),
  MEDIA_DIR: z.string().min(1).optional(),
});

export function loadCliEnv(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      console.error(`invalid ${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const dataDir = path.resolve(parsed.data.EMPORIUM_DATA_DIR ?? DEFAULT_DATA_DIR);
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir,
    mediaDir: path.resolve(parsed.data.MEDIA_DIR ?? path.join(dataDir, "media")),
  };
}
