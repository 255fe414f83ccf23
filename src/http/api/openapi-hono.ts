// An OpenAPIHono whose request validation answers with the project's error shape.
import { OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError } from "../../services/app-error.js";
import { errorResponse } from "../errors.js";

export function createApi() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      if (issue?.code === "unrecognized_keys")
        return errorResponse(
          c,
          new AppError("invalid_input", `unknown parameter: ${issue.keys.join(", ")}`, issue.keys[0]),
        );
      const field = issue?.path.map(String).join(".") || undefined;
      return errorResponse(
        c,
        new AppError("invalid_input", field ? `${field}: ${issue?.message}` : String(issue?.message), field),
      );
    },
  });
}

const errorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_input" }),
      message: z.string(),
      field: z.string().optional(),
    }),
  })
  .openapi("Error");

export const errorSchemaRef = {
  description: "An error with a code from a closed set, a message and the field at fault",
  content: { "application/json": { schema: errorBody } },
};
