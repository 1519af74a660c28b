using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// The Express stack (CommonJS, Node 20): an in-memory store with cascading deletes, one validation module
/// per entity, one express.Router per entity, the app in src/app.js, the listener in src/server.js, and
/// node:test tests that call the API with the global fetch against app.listen(0).
/// </summary>
internal sealed class ExpressProjectWriter : IProjectWriter
{
    public ProjectType ProjectType => ProjectType.Express;

    public IReadOnlyList<PlannedTask> Plan(ProjectBlueprint blueprint)
    {
        var tasks = new List<PlannedTask>
        {
            new("store", "Foundation", "Storage", "Create the in-memory store",
                "src/store.js: one collection per resource with ids, lookups, updates, cascading deletes and a reset for tests.",
                "medium", ["src/store.js"], []),
        };
        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"model:{entity.Name}", "Domain model", "Validation", $"Validate {entity.Label} payloads",
                $"src/models/{entity.Module}.js: the {entity.Name} fields and a validate function for creates and partial updates.",
                "low", [$"src/models/{entity.Module}.js"], []));
        }

        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"route:{entity.Name}", "API", "Endpoints", $"Expose the {entity.PluralLabel} endpoints",
                $"src/routes/{entity.Plural}.js: express.Router with list, create, read, update (PUT/PATCH) and delete; 400 on invalid input, 404 for unknown records and references, 409 on duplicates.",
                "medium", [$"src/routes/{entity.Plural}.js"], ["store", $"model:{entity.Name}"]));
        }

        tasks.Add(new("app", "API", "Application", "Assemble the Express application",
            "src/app.js mounts every router, JSON parsing, 404 and error handlers, and exports the app.",
            "low", ["src/app.js"], blueprint.Entities.Select(e => $"route:{e.Name}").ToList()));
        tasks.Add(new("server", "API", "Application", "Start the HTTP server",
            "src/server.js listens on PORT (3000 by default).", "low", ["src/server.js"], ["app"]));
        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"test:{entity.Name}", "Quality", "Endpoint tests", $"Test the {entity.PluralLabel} endpoints",
                $"test/{entity.Plural}.test.js: node:test tests of every {entity.Label} endpoint with fetch against app.listen(0).",
                "medium", [$"test/{entity.Plural}.test.js"], ["store", "app"]));
        }

        return tasks;
    }

    public string? Write(ProjectBlueprint blueprint, string path)
    {
        switch (path)
        {
            case "src/store.js":
                return Store(blueprint);
            case "src/app.js":
                return App(blueprint);
            case "src/server.js":
                return Server();
        }

        var entity = FastApiProjectWriter.EntityFor(blueprint, path, "src/models/", ".js", byPlural: false);
        if (entity is not null)
        {
            return Model(entity);
        }

        entity = FastApiProjectWriter.EntityFor(blueprint, path, "src/routes/", ".js", byPlural: true);
        if (entity is not null)
        {
            return Routes(blueprint, entity);
        }

        entity = FastApiProjectWriter.EntityFor(blueprint, path, "test/", ".test.js", byPlural: true);
        return entity is null ? null : Tests(blueprint, entity);
    }

    private static string CollectionName(BlueprintEntity entity) => Naming.ToCamel(entity.Plural);

    private static string Store(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder("  ");
        code.Line("// In-memory store: one collection per resource; data lives as long as the process.")
            .Line("\"use strict\";")
            .Blank()
            .Braces("class Collection", c => c
                .Braces("constructor()", b => b.Line("this.records = new Map();").Line("this.nextId = 1;"))
                .Blank()
                .Braces("list()", b => b.Line("return [...this.records.values()];"))
                .Blank()
                .Braces("get(id)", b => b.Line("return this.records.get(id) ?? null;"))
                .Blank()
                .Braces("create(data)", b => b
                    .Line("const record = { id: this.nextId++, ...data };")
                    .Line("this.records.set(record.id, record);")
                    .Line("return record;"))
                .Blank()
                .Braces("update(id, changes)", b => b
                    .Line("const current = this.get(id);")
                    .Braces("if (current === null)", i => i.Line("return null;"))
                    .Line("const updated = { ...current, ...changes, id };")
                    .Line("this.records.set(id, updated);")
                    .Line("return updated;"))
                .Blank()
                .Braces("delete(id)", b => b.Line("return this.records.delete(id);"))
                .Blank()
                .Braces("clear()", b => b.Line("this.records.clear();").Line("this.nextId = 1;")))
            .Blank()
            .Line("const collections = {");
        using (code.Indent())
        {
            foreach (var entity in blueprint.Entities)
            {
                code.Line($"{CollectionName(entity)}: new Collection(),");
            }
        }

        code.Line("};")
            .Blank()
            .Line("// Foreign keys: deleting a record deletes the records that require it and clears optional references.")
            .Line("const references = [");
        using (code.Indent())
        {
            foreach (var entity in blueprint.Entities)
            {
                foreach (var relation in entity.Parents)
                {
                    var parent = blueprint.Get(relation.Target);
                    code.Line($"{{ from: \"{CollectionName(entity)}\", column: \"{relation.Column}\", to: \"{CollectionName(parent)}\", required: {(relation.Required ? "true" : "false")} }},");
                }
            }
        }

        code.Line("];")
            .Blank()
            .Line("/** Deletes a record and, recursively, the records whose required reference points at it. */")
            .Braces("function remove(name, id)", b => b
                .Braces("if (!collections[name].delete(id))", i => i.Line("return false;"))
                .Braces("for (const reference of references.filter((r) => r.to === name))", l => l
                    .Braces("for (const record of collections[reference.from].list().filter((r) => r[reference.column] === id))", r => r
                        .Braces("if (reference.required)", i => i.Line("remove(reference.from, record.id);"))
                        .Braces("else", i => i.Line("collections[reference.from].update(record.id, { [reference.column]: null });"))))
                .Line("return true;"))
            .Blank()
            .Line("/** Empties every collection (tests start from a clean store). */")
            .Braces("function reset()", b => b
                .Braces("for (const collection of Object.values(collections))", l => l.Line("collection.clear();")))
            .Blank()
            .Line("module.exports = { Collection, ...collections, remove, reset };");
        return code.ToString();
    }

    private static string Model(BlueprintEntity entity)
    {
        var code = new CodeBuilder("  ");
        var validate = $"validate{entity.Name}";
        code.Line($"// Validation of {entity.Label} payloads.")
            .Line("\"use strict\";")
            .Blank()
            .Line("const FIELDS = {");
        using (code.Indent())
        {
            foreach (var field in entity.Fields)
            {
                var max = field.Type is "string" or "email" ? $", maxLength: {field.MaxLength}" : "";
                var unique = field.Unique ? ", unique: true" : "";
                code.Line($"{field.Name}: {{ type: \"{field.Type}\", required: {Bool(field.Required)}{max}{unique} }},");
            }

            foreach (var relation in entity.Parents)
            {
                code.Line($"{relation.Column}: {{ type: \"reference\", required: {Bool(relation.Required)} }},");
            }
        }

        code.Line("};")
            .Blank()
            .Line("const EMAIL = /^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/;")
            .Line("const DATE = /^\\d{4}-\\d{2}-\\d{2}$/;")
            .Blank()
            .Line("/** The problem with one value, or null when it is valid. */")
            .Braces("function problemWith(rule, value)", b => b
                .Braces("switch (rule.type)", s => s
                    .Line("case \"string\":")
                    .Line("case \"text\":")
                    .Braces("case \"email\":", cs => cs
                        .Braces("if (typeof value !== \"string\")", i => i.Line("return \"must be a string\";"))
                        .Braces("if (rule.required && value.trim() === \"\")", i => i.Line("return \"must not be empty\";"))
                        .Braces("if (rule.maxLength !== undefined && value.length > rule.maxLength)", i => i.Line("return `must be at most ${rule.maxLength} characters`;"))
                        .Line("return rule.type === \"email\" && !EMAIL.test(value) ? \"must be an e-mail address\" : null;"))
                    .Line("case \"integer\":")
                    .Line("  return Number.isInteger(value) ? null : \"must be an integer\";")
                    .Line("case \"reference\":")
                    .Line("  return Number.isInteger(value) && value > 0 ? null : \"must be a positive integer id\";")
                    .Line("case \"float\":")
                    .Line("  return typeof value === \"number\" && Number.isFinite(value) ? null : \"must be a number\";")
                    .Line("case \"boolean\":")
                    .Line("  return typeof value === \"boolean\" ? null : \"must be true or false\";")
                    .Line("case \"date\":")
                    .Line("  return typeof value === \"string\" && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? null : \"must be a date (YYYY-MM-DD)\";")
                    .Line("case \"datetime\":")
                    .Line("  return typeof value === \"string\" && !Number.isNaN(Date.parse(value)) ? null : \"must be an ISO 8601 date and time\";")
                    .Line("default:")
                    .Line("  return `has an unknown type ${rule.type}`;")))
            .Blank()
            .Line("/**")
            .Line($" * Validates a {entity.Label} payload. With partial (updates) every field is optional.")
            .Line(" * Returns { value, errors }: value holds the known fields, errors maps a field to its problem.")
            .Line(" */")
            .Braces($"function {validate}(input, {{ partial = false }} = {{}})", b => b
                .Braces("if (input === null || typeof input !== \"object\" || Array.isArray(input))", i => i
                    .Line("return { value: {}, errors: { body: \"must be a JSON object\" } };"))
                .Line("const value = {};")
                .Line("const errors = {};")
                .Braces("for (const name of Object.keys(input))", l => l
                    .Braces("if (!Object.hasOwn(FIELDS, name))", i => i.Line("errors[name] = \"is not a known field\";")))
                .Braces("for (const [name, rule] of Object.entries(FIELDS))", l => l
                    .Line("const given = input[name];")
                    .Braces("if (given === undefined || given === null)", i => i
                        .Braces("if (rule.required && (!partial || given === null))", r => r.Line("errors[name] = \"is required\";"))
                        .Braces("else if (!partial || given === null)", o => o.Line("value[name] = null;"))
                        .Line("continue;"))
                    .Line("const problem = problemWith(rule, given);")
                    .Braces("if (problem === null)", i => i.Line("value[name] = given;"))
                    .Braces("else", i => i.Line("errors[name] = problem;")))
                .Line("return { value, errors };"))
            .Blank()
            .Line($"module.exports = {{ FIELDS, {validate} }};");
        return code.ToString();
    }

    private static string Routes(ProjectBlueprint blueprint, BlueprintEntity entity)
    {
        var collection = $"store.{CollectionName(entity)}";
        var validate = $"validate{entity.Name}";
        var uniques = entity.Fields.Where(f => f.Unique).ToList();
        var code = new CodeBuilder("  ");
        code.Line($"// REST endpoints for {entity.PluralLabel}.")
            .Line("\"use strict\";")
            .Blank()
            .Line("const express = require(\"express\");")
            .Line($"const {{ {validate} }} = require(\"../models/{entity.Module}\");")
            .Line("const store = require(\"../store\");")
            .Blank()
            .Line("const router = express.Router();")
            .Blank()
            .Line("/** The numeric id of the URL, or null when it is not a positive integer. */")
            .Braces("function parseId(raw)", b => b
                .Line("const id = Number(raw);")
                .Line("return Number.isInteger(id) && id > 0 ? id : null;"))
            .Blank()
            .Line("/** A message when a reference points at a record that does not exist, else null. */")
            .Braces("function missingReference(value)", b =>
            {
                foreach (var relation in entity.Parents)
                {
                    var parent = blueprint.Get(relation.Target);
                    b.Braces($"if (value.{relation.Column} != null && store.{CollectionName(parent)}.get(value.{relation.Column}) === null)", i => i
                        .Line($"return `{parent.Name} ${{value.{relation.Column}}} not found`;"));
                }

                b.Line("return null;");
            })
            .Blank()
            .Line("/** A message when a unique field repeats another record's value, else null. */")
            .Braces("function duplicateOf(value, id)", b =>
            {
                foreach (var field in uniques)
                {
                    b.Braces($"if (value.{field.Name} != null && {collection}.list().some((r) => r.id !== id && r.{field.Name} === value.{field.Name}))", i => i
                        .Line($"return \"{field.Name} is already used\";"));
                }

                b.Line("return null;");
            })
            .Blank()
            .Line("/** Validates, checks references and uniqueness, then saves; answers the request. */")
            .Braces("function save(req, res, id)", b => b
                .Line($"const {{ value, errors }} = {validate}(req.body, {{ partial: id !== null }});")
                .Braces("if (Object.keys(errors).length > 0)", i => i.Line("return res.status(400).json({ errors });"))
                .Line("const missing = missingReference(value);")
                .Braces("if (missing !== null)", i => i.Line("return res.status(404).json({ error: missing });"))
                .Line("const duplicate = duplicateOf(value, id);")
                .Braces("if (duplicate !== null)", i => i.Line("return res.status(409).json({ error: duplicate });"))
                .Braces("if (id === null)", i => i.Line($"return res.status(201).json({collection}.create(value));"))
                .Line($"return res.json({collection}.update(id, value));"))
            .Blank()
            .Line("router.get(\"/\", (req, res) => {")
            .Line($"  res.json({collection}.list());")
            .Line("});")
            .Blank()
            .Line("router.post(\"/\", (req, res) => save(req, res, null));")
            .Blank()
            .Line("router.get(\"/:id\", (req, res) => {")
            .Line("  const id = parseId(req.params.id);")
            .Line($"  const record = id === null ? null : {collection}.get(id);")
            .Line("  if (record === null) {")
            .Line($"    return res.status(404).json({{ error: \"{entity.Name} not found\" }});")
            .Line("  }")
            .Line("  return res.json(record);")
            .Line("});")
            .Blank()
            .Braces("function update(req, res)", b => b
                .Line("const id = parseId(req.params.id);")
                .Braces($"if (id === null || {collection}.get(id) === null)", i => i.Line($"return res.status(404).json({{ error: \"{entity.Name} not found\" }});"))
                .Line("return save(req, res, id);"))
            .Blank()
            .Line("router.put(\"/:id\", update);")
            .Line("router.patch(\"/:id\", update);")
            .Blank()
            .Line("router.delete(\"/:id\", (req, res) => {")
            .Line("  const id = parseId(req.params.id);")
            .Line($"  if (id === null || !store.remove(\"{CollectionName(entity)}\", id)) {{")
            .Line($"    return res.status(404).json({{ error: \"{entity.Name} not found\" }});")
            .Line("  }")
            .Line("  return res.status(204).end();")
            .Line("});")
            .Blank()
            .Line("module.exports = router;");
        return code.ToString();
    }

    private static string App(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder("  ");
        code.Line($"// {blueprint.Domain} API: the Express application (exported; src/server.js listens).")
            .Line("\"use strict\";")
            .Blank()
            .Line("const express = require(\"express\");");
        foreach (var entity in blueprint.Entities)
        {
            code.Line($"const {Naming.ToCamel(entity.Plural)}Router = require(\"./routes/{entity.Plural}\");");
        }

        code.Blank()
            .Line("const app = express();")
            .Line("app.use(express.json());")
            .Blank()
            .Line("app.get(\"/health\", (req, res) => {")
            .Line("  res.json({ status: \"ok\" });")
            .Line("});");
        foreach (var entity in blueprint.Entities)
        {
            code.Line($"app.use(\"{Route(entity)}\", {Naming.ToCamel(entity.Plural)}Router);");
        }

        code.Blank()
            .Line("app.use((req, res) => {")
            .Line("  res.status(404).json({ error: \"Not found\" });")
            .Line("});")
            .Blank()
            .Line("// Express recognises an error handler by its four parameters.")
            .Line("// eslint-disable-next-line no-unused-vars")
            .Line("app.use((err, req, res, next) => {")
            .Line("  const status = Number.isInteger(err.status) ? err.status : 500;")
            .Line("  res.status(status).json({ error: status === 500 ? \"Internal server error\" : err.message });")
            .Line("});")
            .Blank()
            .Line("module.exports = app;");
        return code.ToString();
    }

    private static string Server()
    {
        var code = new CodeBuilder("  ");
        code.Line("// Starts the HTTP server on PORT (3000 by default).")
            .Line("\"use strict\";")
            .Blank()
            .Line("const app = require(\"./app\");")
            .Blank()
            .Line("const port = Number(process.env.PORT) || 3000;")
            .Blank()
            .Line("app.listen(port, () => {")
            .Line("  console.log(`Listening on port ${port}`);")
            .Line("});");
        return code.ToString();
    }

    /// <summary>The entity and every entity it requires, parents first (the helpers a test file needs).</summary>
    private static List<BlueprintEntity> RequiredChain(ProjectBlueprint blueprint, BlueprintEntity entity)
    {
        var chain = new List<BlueprintEntity>();
        void Visit(BlueprintEntity current)
        {
            if (chain.Contains(current))
            {
                return;
            }

            foreach (var relation in current.Parents.Where(p => p.Required))
            {
                Visit(blueprint.Get(relation.Target));
            }

            chain.Add(current);
        }

        Visit(entity);
        return chain;
    }

    /// <summary>An entity's collection route as the stack defines it (the README and the smoke probes use the same).</summary>
    private static string Route(BlueprintEntity entity) => ProjectStacks.Express.CollectionRoute(entity.Plural);

    private static string Tests(ProjectBlueprint blueprint, BlueprintEntity entity)
    {
        var url = Route(entity);
        var make = $"make{entity.Name}";
        var code = new CodeBuilder("  ");
        code.Line($"// Endpoint tests for {entity.PluralLabel}: a real server on a free port, called with fetch.")
            .Line("\"use strict\";")
            .Blank()
            .Line("const { after, before, beforeEach, test } = require(\"node:test\");")
            .Line("const assert = require(\"node:assert/strict\");")
            .Line("const app = require(\"../src/app\");")
            .Line("const store = require(\"../src/store\");")
            .Blank()
            .Line("let server;")
            .Line("let baseUrl;")
            .Line("let counter = 0;")
            .Blank()
            .Line("before(async () => {")
            .Line("  server = await new Promise((resolve) => {")
            .Line("    const listening = app.listen(0, \"127.0.0.1\", () => resolve(listening));")
            .Line("  });")
            .Line("  baseUrl = `http://127.0.0.1:${server.address().port}`;")
            .Line("});")
            .Blank()
            .Line("after(async () => {")
            .Line("  server.closeAllConnections();")
            .Line("  await new Promise((resolve) => server.close(resolve));")
            .Line("});")
            .Blank()
            .Line("beforeEach(() => {")
            .Line("  store.reset();")
            .Line("});")
            .Blank()
            .Line("/** Sends a JSON request; returns the status and the parsed body (null when empty). */")
            .Braces("async function send(method, path, body)", b => b
                .Line("const response = await fetch(baseUrl + path, {")
                .Line("  method,")
                .Line("  headers: { \"content-type\": \"application/json\" },")
                .Line("  body: body === undefined ? undefined : JSON.stringify(body),")
                .Line("});")
                .Line("const text = await response.text();")
                .Line("return { status: response.status, body: text ? JSON.parse(text) : null };"));

        foreach (var current in RequiredChain(blueprint, entity))
        {
            var currentUrl = Route(current);
            code.Blank()
                .Line($"/** A valid {current.Label} payload (creating the records it refers to). */")
                .Braces($"async function {Naming.ToCamel(current.Module)}Payload()", b =>
                {
                    if (current.Fields.Any(SampleValues.UsesCounter) || current.Fields.Any(f => f.Unique))
                    {
                        b.Line("counter += 1;").Line("const n = counter;");
                    }

                    b.Line("return {");
                    using (b.Indent())
                    {
                        foreach (var field in current.Fields)
                        {
                            b.Line($"{field.Name}: {SampleValues.JavaScript(field)},");
                        }

                        foreach (var relation in current.Parents.Where(p => p.Required))
                        {
                            b.Line($"{relation.Column}: (await make{relation.Target}()).id,");
                        }
                    }

                    b.Line("};");
                })
                .Blank()
                .Braces($"async function make{current.Name}(overrides = {{}})", b => b
                    .Line($"const response = await send(\"POST\", \"{currentUrl}\", {{ ...(await {Naming.ToCamel(current.Module)}Payload()), ...overrides }});")
                    .Line("assert.equal(response.status, 201, JSON.stringify(response.body));")
                    .Line("return response.body;"));
        }

        code.Blank()
            .Line($"test(\"creates a {entity.Label}\", async () => {{")
            .Line($"  const created = await {make}();")
            .Line("  assert.ok(Number.isInteger(created.id));")
            .Line("});")
            .Blank()
            .Line($"test(\"reads a {entity.Label}\", async () => {{")
            .Line($"  const created = await {make}();")
            .Line($"  const response = await send(\"GET\", `{url}/${{created.id}}`);")
            .Line("  assert.equal(response.status, 200);")
            .Line("  assert.deepEqual(response.body, created);")
            .Line("});")
            .Blank()
            .Line($"test(\"lists {entity.PluralLabel}\", async () => {{")
            .Line($"  await {make}();")
            .Line($"  await {make}();")
            .Line($"  const response = await send(\"GET\", \"{url}\");")
            .Line("  assert.equal(response.status, 200);")
            .Line("  assert.equal(response.body.length, 2);")
            .Line("});")
            .Blank();

        var updateField = SampleValues.UpdateField(entity);
        code.Line($"test(\"updates a {entity.Label}\", async () => {{")
            .Line($"  const created = await {make}();");
        if (updateField is null)
        {
            code.Line($"  const response = await send(\"PATCH\", `{url}/${{created.id}}`, {{}});")
                .Line("  assert.equal(response.status, 200);");
        }
        else
        {
            var value = SampleValues.UpdateJavaScript(updateField);
            code.Line($"  const response = await send(\"PATCH\", `{url}/${{created.id}}`, {{ {updateField.Name}: {value} }});")
                .Line("  assert.equal(response.status, 200);")
                .Line($"  assert.equal(response.body.{updateField.Name}, {value});");
        }

        code.Line("});")
            .Blank()
            .Line($"test(\"deletes a {entity.Label}\", async () => {{")
            .Line($"  const created = await {make}();")
            .Line($"  assert.equal((await send(\"DELETE\", `{url}/${{created.id}}`)).status, 204);")
            .Line($"  assert.equal((await send(\"GET\", `{url}/${{created.id}}`)).status, 404);")
            .Line("});")
            .Blank()
            .Line($"test(\"answers 404 for a missing {entity.Label}\", async () => {{")
            .Line($"  assert.equal((await send(\"GET\", \"{url}/999999\")).status, 404);")
            .Line("});");

        if (entity.InputNames.Any(i => i.Required))
        {
            code.Blank()
                .Line($"test(\"rejects a {entity.Label} without its required fields\", async () => {{")
                .Line($"  assert.equal((await send(\"POST\", \"{url}\", {{}})).status, 400);")
                .Line("});");
        }

        var firstRequiredParent = entity.Parents.FirstOrDefault(p => p.Required);
        if (firstRequiredParent is not null)
        {
            code.Blank()
                .Line($"test(\"answers 404 for a {entity.Label} with an unknown {firstRequiredParent.Field.Replace('_', ' ')}\", async () => {{")
                .Line($"  const payload = {{ ...(await {Naming.ToCamel(entity.Module)}Payload()), {firstRequiredParent.Column}: 999999 }};")
                .Line($"  assert.equal((await send(\"POST\", \"{url}\", payload)).status, 404);")
                .Line("});");
        }

        if (entity.Fields.Any(f => f.Unique))
        {
            code.Blank()
                .Line($"test(\"rejects a duplicate {entity.Label}\", async () => {{")
                .Line($"  const {{ id, ...duplicate }} = await {make}();")
                .Line("  assert.ok(Number.isInteger(id));")
                .Line($"  assert.equal((await send(\"POST\", \"{url}\", duplicate)).status, 409);")
                .Line("});");
        }

        return code.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
