// A rendered workload's environment as the checks read it: where a variable's value comes from (a
// literal, a ConfigMap, or a Secret) and a Deployment's container.
import { arr, at, obj, str, type Obj } from "./yaml-access.ts";

/** A container's value for `name`: a literal from env or an envFrom ConfigMap, or the Secret it comes from. */
export function envSource(objects: Obj[], container: Obj, name: string): { value?: string; secret?: string } {
  for (const e of arr(container.env)) {
    if (str(at(e, "name")) !== name) continue;
    const secret = str(at(e, "valueFrom", "secretKeyRef", "name"));
    return secret ? { secret } : { value: str(at(e, "value")) };
  }
  for (const ref of arr(container.envFrom)) {
    const cm = str(at(ref, "configMapRef", "name"));
    const data = obj(
      at(
        objects.find((o) => o.kind === "ConfigMap" && at(o, "metadata", "name") === cm),
        "data",
      ),
    );
    if (typeof data[name] === "string") return { value: data[name] };
  }
  return {};
}

/** The first container of the Deployment `name`, if the render has it. */
export function deploymentContainer(objects: Obj[], name: string): Obj | undefined {
  const d = objects.find((o) => o.kind === "Deployment" && at(o, "metadata", "name") === name);
  return d ? obj(arr(at(d, "spec", "template", "spec", "containers"))[0]) : undefined;
}
