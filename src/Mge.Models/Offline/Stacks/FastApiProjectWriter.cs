using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// The FastAPI stack: SQLAlchemy 2 models (DeclarativeBase, Mapped, mapped_column, relationship), pydantic v2
/// schemas, CRUD functions, one APIRouter per entity, the app in app/main.py, and pytest tests that override
/// the database dependency with an in-memory SQLite engine (StaticPool).
/// </summary>
internal sealed class FastApiProjectWriter : IProjectWriter
{
    public ProjectStack Stack { get; } = ProjectStacks.For(ProjectType.FastApi);

    private StackLayout Layout => Stack.Layout;

    public IReadOnlyList<PlannedTask> Plan(ProjectBlueprint blueprint)
    {
        var tasks = new List<PlannedTask>
        {
            new("skeleton", "Foundation", "Project skeleton", "Create the package and database setup",
                "Create the app package and app/database.py: SQLAlchemy engine from DATABASE_URL (SQLite by default), session factory, declarative Base and the get_db dependency; add the package markers of schemas, crud and routers.",
                "low", [Layout.File("app/__init__.py"), Layout.File("app/database.py"), Layout.File("app/schemas/__init__.py"), Layout.File("app/crud/__init__.py"), Layout.File("app/routers/__init__.py")], []),
        };

        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"model:{entity.Name}", "Domain model", "ORM models", $"Create the {entity.Name} model",
                $"SQLAlchemy model {entity.Name} (table {entity.Plural}) with its columns{Relations(entity)}.",
                entity.Parents.Count > 0 ? "medium" : "low", [Layout.Models.PathOf(entity)], ["skeleton"]));
        }

        tasks.Add(new("models", "Domain model", "ORM models", "Register every model",
            "app/models/__init__.py imports every model so that the metadata and relationships are complete.",
            "low", [Layout.File("app/models/__init__.py")], blueprint.Entities.Select(e => $"model:{e.Name}").ToList()));

        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"schema:{entity.Name}", "Domain model", "Validation schemas", $"Create the {entity.Name} schemas",
                $"Pydantic v2 schemas {entity.Name}Create, {entity.Name}Update and {entity.Name}Read (from_attributes) with field validation.",
                "low", [Layout.Named("app/schemas/{entity}.py").PathOf(entity)], []));
        }

        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"crud:{entity.Name}", "API", "Data access", $"Implement {entity.Label} data access",
                $"Functions to get, list, create, update and delete {entity.PluralLabel} with a SQLAlchemy session.",
                "medium", [Layout.Named("app/crud/{entity}.py").PathOf(entity)], [$"model:{entity.Name}", $"schema:{entity.Name}"]));
        }

        foreach (var entity in blueprint.Entities)
        {
            var parentCrud = entity.Parents.Select(p => $"crud:{p.Target}").Distinct();
            tasks.Add(new($"router:{entity.Name}", "API", "Endpoints", $"Expose the {entity.PluralLabel} endpoints",
                $"APIRouter at {Stack.CollectionOf(entity)} with list, create, read, update (PUT/PATCH) and delete; 404 for unknown records and references, 409 on conflicts.",
                "medium", [Layout.Routes.PathOf(entity)],
                ["skeleton", $"model:{entity.Name}", $"schema:{entity.Name}", $"crud:{entity.Name}", .. parentCrud.Where(k => k != $"crud:{entity.Name}")]));
        }

        tasks.Add(new("main", "API", "Application", "Assemble the FastAPI application",
            $"app/main.py creates the FastAPI app, creates the tables at startup, includes every router and serves GET {Stack.Routes.Health}.",
            "low", [Layout.App.Path], ["skeleton", "models", .. blueprint.Entities.Select(e => $"router:{e.Name}")]));

        tasks.Add(new("conftest", "Quality", "Test harness", "Set up the test harness",
            "tests/conftest.py: an in-memory SQLite engine (StaticPool) overriding get_db, a TestClient fixture and factories that create records through the API.",
            "medium", [Layout.File("tests/__init__.py"), Layout.File("tests/conftest.py")], ["skeleton", "main"]));

        foreach (var entity in blueprint.Entities)
        {
            tasks.Add(new($"test:{entity.Name}", "Quality", "Endpoint tests", $"Test the {entity.PluralLabel} endpoints",
                $"pytest tests for every {entity.Label} endpoint, including 404 and validation errors.",
                "medium", [Layout.Tests.PathOf(entity)], ["conftest"]));
        }

        return tasks;
    }

    public string? Write(ProjectBlueprint blueprint, string path)
    {
        if (path == Layout.App.Path)
        {
            return Main(blueprint);
        }

        switch (path)
        {
            case "app/__init__.py":
                return Docstring($"{blueprint.Domain} API.");
            case "app/database.py":
                return Database();
            case "app/models/__init__.py":
                return ModelsPackage(blueprint);
            case "app/schemas/__init__.py":
                return Docstring("Pydantic schemas: what the API accepts and returns.");
            case "app/crud/__init__.py":
                return Docstring("Database operations, one module per entity.");
            case "app/routers/__init__.py":
                return Docstring("API routers, one module per entity.");
            case "tests/__init__.py":
                return Docstring("Tests of the API.");
            case "tests/conftest.py":
                return Conftest(blueprint);
        }

        if (Layout.Models.EntityIn(blueprint, path) is { } model)
        {
            return Model(blueprint, model);
        }

        if (Layout.Named("app/schemas/{entity}.py").EntityIn(blueprint, path) is { } schema)
        {
            return Schemas(schema);
        }

        if (Layout.Named("app/crud/{entity}.py").EntityIn(blueprint, path) is { } crud)
        {
            return Crud(crud);
        }

        if (Layout.Routes.EntityIn(blueprint, path) is { } routed)
        {
            return Router(blueprint, routed);
        }

        return Layout.Tests.EntityIn(blueprint, path) is { } tested ? Tests(blueprint, tested) : null;
    }

    private static string Relations(BlueprintEntity entity) =>
        entity.Parents.Count == 0 ? "" : "; belongs to " + string.Join(" and ", entity.Parents.Select(p => p.Target));

    private static string Docstring(string text) => $"\"\"\"{text}\"\"\"\n";

    private string Database()
    {
        var database = Stack.Database ?? throw new InvalidOperationException("The FastAPI stack definition has no database.");
        var code = new CodeBuilder();
        code.Line("\"\"\"Database engine, session factory and the declarative base of every model.\"\"\"")
            .Line("import os")
            .Line("from collections.abc import Iterator")
            .Blank()
            .Line("from sqlalchemy import create_engine")
            .Line("from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker")
            .Blank()
            .Line($"DATABASE_URL = os.getenv(\"{database.Variable}\", \"{Stack.DefaultOf(database.Variable)}\")")
            .Blank()
            .Line("# SQLite connections are used from FastAPI's worker threads.")
            .Line("_connect_args = {\"check_same_thread\": False} if DATABASE_URL.startswith(\"sqlite\") else {}")
            .Line("engine = create_engine(DATABASE_URL, connect_args=_connect_args)")
            .Line("SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)")
            .Blank(2)
            .Block("class Base(DeclarativeBase):", c => c.Line("\"\"\"Base class of every ORM model.\"\"\""))
            .Blank(2)
            .Block("def get_db() -> Iterator[Session]:", c => c
                .Line("\"\"\"Yield one session per request and close it afterwards.\"\"\"")
                .Line("db = SessionLocal()")
                .Block("try:", t => t.Line("yield db"))
                .Block("finally:", f => f.Line("db.close()")));
        return code.ToString();
    }

    private static string ModelsPackage(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"ORM models; importing this package registers every table and relationship.\"\"\"");
        foreach (var entity in blueprint.Entities)
        {
            code.Line($"from app.models.{entity.Module} import {entity.Name}");
        }

        if (blueprint.Entities.Count > 0)
        {
            code.Blank().Line($"__all__ = [{string.Join(", ", blueprint.Entities.Select(e => SampleValues.Quote(e.Name)))}]");
        }

        return code.ToString();
    }

    private static string ColumnType(BlueprintField field) => field.Type switch
    {
        "string" or "email" => $"String({field.MaxLength})",
        "text" => "Text",
        "integer" => "Integer",
        "float" => "Float",
        "boolean" => "Boolean",
        "date" => "Date",
        "datetime" => "DateTime",
        _ => "String(200)",
    };

    private static string PythonType(BlueprintField field) => field.Type switch
    {
        "integer" => "int",
        "float" => "float",
        "boolean" => "bool",
        "date" => "dt.date",
        "datetime" => "dt.datetime",
        _ => "str",
    };

    private static string Model(ProjectBlueprint blueprint, BlueprintEntity entity)
    {
        var children = blueprint.ChildrenOf(entity).ToList();
        var sqlTypes = entity.Fields.Select(f => ColumnType(f).Split('(')[0])
            .Concat(entity.Parents.Count > 0 ? ["ForeignKey"] : [])
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var usesDates = entity.Fields.Any(f => f.Type is "date" or "datetime");
        var usesOptional = entity.Parents.Any(p => !p.Required);

        var code = new CodeBuilder();
        code.Line($"\"\"\"ORM model for {entity.PluralLabel}.\"\"\"");
        if (usesDates)
        {
            code.Line("import datetime as dt");
        }

        if (usesOptional)
        {
            code.Line("from typing import Optional");
        }

        if (usesDates || usesOptional)
        {
            code.Blank();
        }

        if (sqlTypes.Count > 0)
        {
            code.Line($"from sqlalchemy import {string.Join(", ", sqlTypes)}");
        }

        code.Line(children.Count > 0 || entity.Parents.Count > 0
                ? "from sqlalchemy.orm import Mapped, mapped_column, relationship"
                : "from sqlalchemy.orm import Mapped, mapped_column")
            .Blank()
            .Line("from app.database import Base")
            .Blank(2)
            .Block($"class {entity.Name}(Base):", c =>
            {
                c.Line($"\"\"\"{PyText(entity.Description)}\"\"\"")
                    .Blank()
                    .Line($"__tablename__ = \"{entity.Plural}\"")
                    .Blank()
                    .Line("id: Mapped[int] = mapped_column(primary_key=True)");
                foreach (var field in entity.Fields)
                {
                    c.Line(ModelColumn(field));
                }

                foreach (var relation in entity.Parents)
                {
                    var nullable = relation.Required ? "int" : "int | None";
                    var defaultNone = relation.Required ? "" : ", default=None";
                    c.Line($"{relation.Column}: Mapped[{nullable}] = mapped_column(ForeignKey(\"{relation.TargetPlural}.id\"), index=True{defaultNone})");
                }

                if (entity.Parents.Count > 0 || children.Count > 0)
                {
                    c.Blank();
                }

                foreach (var relation in entity.Parents)
                {
                    var annotation = relation.Required ? $"Mapped[\"{relation.Target}\"]" : $"Mapped[Optional[\"{relation.Target}\"]]";
                    var options = new List<string> { $"back_populates=\"{relation.Inverse}\"" };
                    if (entity.Parents.Count(p => p.Target == relation.Target) > 1)
                    {
                        options.Add($"foreign_keys=[{relation.Column}]");
                    }

                    if (relation.Target == entity.Name)
                    {
                        options.Add("remote_side=[id]");
                    }

                    c.Line($"{relation.Field}: {annotation} = relationship({string.Join(", ", options)})");
                }

                foreach (var (child, relation) in children)
                {
                    var options = new List<string> { $"back_populates=\"{relation.Field}\"" };
                    if (child.Parents.Count(p => p.Target == entity.Name) > 1)
                    {
                        options.Add($"foreign_keys=\"{child.Name}.{relation.Column}\"");
                    }

                    if (relation.Required && child.Name != entity.Name)
                    {
                        options.Add("cascade=\"all, delete-orphan\"");
                    }

                    c.Line($"{relation.Inverse}: Mapped[list[\"{child.Name}\"]] = relationship({string.Join(", ", options)})");
                }

                c.Blank()
                    .Block("def __repr__(self) -> str:", m => m.Line($"return f\"{entity.Name}(id={{self.id!r}})\""));
            });
        return code.ToString();
    }

    private static string ModelColumn(BlueprintField field)
    {
        var type = PythonType(field);
        var options = new List<string> { ColumnType(field) };
        if (field.Unique)
        {
            options.Add("unique=True");
        }

        if (!field.Required)
        {
            options.Add("default=None");
        }

        var annotation = field.Required ? type : $"{type} | None";
        return $"{field.Name}: Mapped[{annotation}] = mapped_column({string.Join(", ", options)})";
    }

    private static string SchemaField(BlueprintField field, bool forceOptional)
    {
        var type = PythonType(field);
        var constraints = new List<string>();
        if (field.Type is "string" or "email")
        {
            if (field.Required)
            {
                constraints.Add("min_length=1");
            }

            constraints.Add($"max_length={field.MaxLength}");
        }

        if (field.Type == "email")
        {
            constraints.Add("pattern=EMAIL_PATTERN");
        }

        var optional = forceOptional || !field.Required;
        var annotation = optional ? $"{type} | None" : type;
        if (constraints.Count == 0)
        {
            return optional ? $"{field.Name}: {annotation} = None" : $"{field.Name}: {annotation}";
        }

        var args = string.Join(", ", constraints);
        return optional ? $"{field.Name}: {annotation} = Field(default=None, {args})" : $"{field.Name}: {annotation} = Field({args})";
    }

    private static string Schemas(BlueprintEntity entity)
    {
        var usesDates = entity.Fields.Any(f => f.Type is "date" or "datetime");
        var usesEmail = entity.Fields.Any(f => f.Type == "email");
        var usesField = entity.Fields.Any(f => f.Type is "string" or "email");
        var pydantic = usesField ? "BaseModel, ConfigDict, Field" : "BaseModel, ConfigDict";

        var code = new CodeBuilder();
        code.Line($"\"\"\"Pydantic schemas for {entity.PluralLabel}.\"\"\"");
        if (usesDates)
        {
            code.Line("import datetime as dt").Blank();
        }

        code.Line($"from pydantic import {pydantic}");
        if (usesEmail)
        {
            code.Blank().Line("EMAIL_PATTERN = r\"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$\"");
        }

        code.Blank(2).Block($"class {entity.Name}Base(BaseModel):", c =>
        {
            c.Line($"\"\"\"Fields shared by the {entity.Label} schemas.\"\"\"");
            if (entity.Fields.Count > 0 || entity.Parents.Count > 0)
            {
                c.Blank();
            }

            foreach (var field in entity.Fields)
            {
                c.Line(SchemaField(field, forceOptional: false));
            }

            foreach (var relation in entity.Parents)
            {
                c.Line(relation.Required ? $"{relation.Column}: int" : $"{relation.Column}: int | None = None");
            }
        });
        code.Blank(2).Block($"class {entity.Name}Create({entity.Name}Base):", c => c.Line($"\"\"\"Payload to create a {entity.Label}.\"\"\""));
        code.Blank(2).Block($"class {entity.Name}Update(BaseModel):", c =>
        {
            c.Line($"\"\"\"Payload to update a {entity.Label}: send only the fields to change.\"\"\"");
            if (entity.Fields.Count > 0 || entity.Parents.Count > 0)
            {
                c.Blank();
            }

            foreach (var field in entity.Fields)
            {
                c.Line(SchemaField(field, forceOptional: true));
            }

            foreach (var relation in entity.Parents)
            {
                c.Line($"{relation.Column}: int | None = None");
            }
        });
        code.Blank(2).Block($"class {entity.Name}Read({entity.Name}Base):", c => c
            .Line($"\"\"\"A {entity.Label} as the API returns it.\"\"\"")
            .Blank()
            .Line("model_config = ConfigDict(from_attributes=True)")
            .Blank()
            .Line("id: int"));
        return code.ToString();
    }

    private static string Crud(BlueprintEntity entity)
    {
        var e = entity.Module;
        var code = new CodeBuilder();
        code.Line($"\"\"\"Database operations for {entity.PluralLabel}.\"\"\"")
            .Line("from sqlalchemy import select")
            .Line("from sqlalchemy.orm import Session")
            .Blank()
            .Line($"from app.models.{e} import {entity.Name}")
            .Line($"from app.schemas.{e} import {entity.Name}Create, {entity.Name}Update")
            .Blank(2)
            .Block($"def get_{e}(db: Session, {e}_id: int) -> {entity.Name} | None:", c => c
                .Line($"\"\"\"Return the {entity.Label} with this id, or None.\"\"\"")
                .Line($"return db.get({entity.Name}, {e}_id)"))
            .Blank(2)
            .Block($"def list_{entity.Plural}(db: Session, skip: int = 0, limit: int = 100) -> list[{entity.Name}]:", c => c
                .Line($"\"\"\"Return a page of {entity.PluralLabel} ordered by id.\"\"\"")
                .Line($"statement = select({entity.Name}).order_by({entity.Name}.id).offset(skip).limit(limit)")
                .Line("return list(db.scalars(statement))"))
            .Blank(2)
            .Block($"def create_{e}(db: Session, data: {entity.Name}Create) -> {entity.Name}:", c => c
                .Line($"\"\"\"Insert a new {entity.Label} and return it with its id.\"\"\"")
                .Line($"record = {entity.Name}(**data.model_dump())")
                .Line("db.add(record)")
                .Line("db.commit()")
                .Line("db.refresh(record)")
                .Line("return record"))
            .Blank(2)
            .Block($"def update_{e}(db: Session, record: {entity.Name}, data: {entity.Name}Update) -> {entity.Name}:", c => c
                .Line($"\"\"\"Apply the fields sent in <data> to the {entity.Label}; null values are ignored.\"\"\"")
                .Block("for field, value in data.model_dump(exclude_unset=True, exclude_none=True).items():", l => l.Line("setattr(record, field, value)"))
                .Line("db.commit()")
                .Line("db.refresh(record)")
                .Line("return record"))
            .Blank(2)
            .Block($"def delete_{e}(db: Session, record: {entity.Name}) -> None:", c => c
                .Line($"\"\"\"Delete the {entity.Label}.\"\"\"")
                .Line("db.delete(record)")
                .Line("db.commit()"));
        return code.ToString();
    }

    private string Router(ProjectBlueprint blueprint, BlueprintEntity entity)
    {
        var e = entity.Module;
        var parents = entity.Parents.Select(p => blueprint.Get(p.Target)).DistinctBy(p => p.Name).Where(p => p.Name != entity.Name).ToList();
        var crudModules = new[] { entity }.Concat(parents).OrderBy(x => x.Module, StringComparer.Ordinal).ToList();

        var code = new CodeBuilder();
        code.Line($"\"\"\"REST endpoints for {entity.PluralLabel}.\"\"\"")
            .Line("from fastapi import APIRouter, Depends, HTTPException, Query, status")
            .Line("from sqlalchemy.exc import IntegrityError")
            .Line("from sqlalchemy.orm import Session")
            .Blank();
        foreach (var module in crudModules)
        {
            code.Line($"from app.crud import {module.Module} as {module.Module}_crud");
        }

        code.Line("from app.database import get_db")
            .Line($"from app.models.{e} import {entity.Name}")
            .Line($"from app.schemas.{e} import {entity.Name}Create, {entity.Name}Read, {entity.Name}Update")
            .Blank()
            .Line($"router = APIRouter(prefix=\"{Stack.CollectionOf(entity).TrimEnd('/')}\", tags=[\"{entity.Plural}\"])")
            .Blank(2)
            .Block($"def _get_or_404(db: Session, {e}_id: int) -> {entity.Name}:", c => c
                .Line($"\"\"\"Return the {entity.Label} or answer 404.\"\"\"")
                .Line($"record = {e}_crud.get_{e}(db, {e}_id)")
                .Block("if record is None:", i => i.Line($"raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f\"{entity.Name} {{{e}_id}} not found\")"))
                .Line("return record"));

        if (entity.Parents.Count > 0)
        {
            code.Blank(2).Block($"def _check_references(db: Session, data: {entity.Name}Create | {entity.Name}Update) -> None:", c =>
            {
                c.Line("\"\"\"Answer 404 when a foreign key points at a record that does not exist.\"\"\"");
                foreach (var relation in entity.Parents)
                {
                    var parent = blueprint.Get(relation.Target);
                    c.Block($"if data.{relation.Column} is not None and {parent.Module}_crud.get_{parent.Module}(db, data.{relation.Column}) is None:", i => i
                        .Line($"raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f\"{parent.Name} {{data.{relation.Column}}} not found\")"));
                }
            });
        }

        var check = entity.Parents.Count > 0 ? "_check_references(db, payload)" : null;
        code.Blank(2)
            .Line($"@router.get(\"/\", response_model=list[{entity.Name}Read])")
            .Block($"def list_{entity.Plural}(skip: int = Query(0, ge=0), limit: int = Query(100, ge=1, le=1000), db: Session = Depends(get_db)) -> list[{entity.Name}]:", c => c
                .Line($"\"\"\"List {entity.PluralLabel}, a page at a time.\"\"\"")
                .Line($"return {e}_crud.list_{entity.Plural}(db, skip=skip, limit=limit)"))
            .Blank(2)
            .Line($"@router.post(\"/\", response_model={entity.Name}Read, status_code=status.HTTP_201_CREATED)")
            .Block($"def create_{e}(payload: {entity.Name}Create, db: Session = Depends(get_db)) -> {entity.Name}:", c =>
            {
                c.Line($"\"\"\"Create a {entity.Label}.\"\"\"");
                if (check is not null)
                {
                    c.Line(check);
                }

                c.Block("try:", t => t.Line($"return {e}_crud.create_{e}(db, payload)"))
                    .Block("except IntegrityError:", x => x
                        .Line("db.rollback()")
                        .Line($"raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=\"{Naming.ToWords(e)} conflicts with an existing record\") from None"));
            })
            .Blank(2)
            .Line($"@router.get(\"/{{{e}_id}}\", response_model={entity.Name}Read)")
            .Block($"def read_{e}({e}_id: int, db: Session = Depends(get_db)) -> {entity.Name}:", c => c
                .Line($"\"\"\"Return one {entity.Label}.\"\"\"")
                .Line($"return _get_or_404(db, {e}_id)"))
            .Blank(2)
            .Line($"@router.put(\"/{{{e}_id}}\", response_model={entity.Name}Read)")
            .Line($"@router.patch(\"/{{{e}_id}}\", response_model={entity.Name}Read)")
            .Block($"def update_{e}({e}_id: int, payload: {entity.Name}Update, db: Session = Depends(get_db)) -> {entity.Name}:", c =>
            {
                c.Line($"\"\"\"Change the fields sent of one {entity.Label}.\"\"\"")
                    .Line($"record = _get_or_404(db, {e}_id)");
                if (check is not null)
                {
                    c.Line(check);
                }

                c.Block("try:", t => t.Line($"return {e}_crud.update_{e}(db, record, payload)"))
                    .Block("except IntegrityError:", x => x
                        .Line("db.rollback()")
                        .Line($"raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail=\"{Naming.ToWords(e)} conflicts with an existing record\") from None"));
            })
            .Blank(2)
            .Line($"@router.delete(\"/{{{e}_id}}\", status_code=status.HTTP_204_NO_CONTENT)")
            .Block($"def delete_{e}({e}_id: int, db: Session = Depends(get_db)) -> None:", c => c
                .Line($"\"\"\"Delete one {entity.Label}.\"\"\"")
                .Line($"{e}_crud.delete_{e}(db, _get_or_404(db, {e}_id))"));
        return code.ToString();
    }

    private string Main(ProjectBlueprint blueprint)
    {
        var routers = blueprint.Entities.Select(e => e.Plural).Order(StringComparer.Ordinal).ToList();
        var code = new CodeBuilder();
        code.Line($"\"\"\"{PyText(blueprint.Domain)} API: the FastAPI application.\"\"\"")
            .Line("from collections.abc import AsyncIterator")
            .Line("from contextlib import asynccontextmanager")
            .Blank()
            .Line("from fastapi import FastAPI")
            .Blank()
            .Line("# Importing the models package registers every table on Base.metadata.")
            .Line("from app import models  # noqa: F401")
            .Line("from app.database import Base, engine");
        if (routers.Count > 0)
        {
            code.Line($"from app.routers import {string.Join(", ", routers)}");
        }

        code.Blank(2)
            .Line("@asynccontextmanager")
            .Block("async def lifespan(_: FastAPI) -> AsyncIterator[None]:", c => c
                .Line("\"\"\"Create the tables at startup.\"\"\"")
                .Line("Base.metadata.create_all(bind=engine)")
                .Line("yield"))
            .Blank(2)
            .Line($"app = FastAPI(title={SampleValues.Quote(blueprint.Domain + " API")}, version=\"1.0.0\", lifespan=lifespan)");
        foreach (var router in routers)
        {
            code.Line($"app.include_router({router}.router)");
        }

        code.Blank(2)
            .Line($"@app.get(\"{Stack.Routes.Health}\")")
            .Block("def health() -> dict[str, str]:", c => c
                .Line("\"\"\"Report that the service is up.\"\"\"")
                .Line("return {\"status\": \"ok\"}"));
        return code.ToString();
    }

    private string Conftest(ProjectBlueprint blueprint)
    {
        var code = new CodeBuilder();
        code.Line("\"\"\"Shared fixtures: an isolated in-memory database, a test client and record factories.\"\"\"");
        if (blueprint.Entities.Count > 0)
        {
            code.Line("import itertools");
        }

        code.Line("from collections.abc import Callable, Iterator")
            .Line("from typing import Any")
            .Blank()
            .Line("import pytest")
            .Line("from fastapi.testclient import TestClient")
            .Line("from sqlalchemy import create_engine")
            .Line("from sqlalchemy.orm import Session, sessionmaker")
            .Line("from sqlalchemy.pool import StaticPool")
            .Blank()
            .Line("from app.database import Base, get_db")
            .Line("from app.main import app")
            .Blank(2)
            .Line("@pytest.fixture()")
            .Block("def client() -> Iterator[TestClient]:", c => c
                .Line("\"\"\"A client whose requests use a fresh in-memory database.\"\"\"")
                .Line("# StaticPool keeps the single in-memory connection shared by every session.")
                .Line("engine = create_engine(\"sqlite://\", connect_args={\"check_same_thread\": False}, poolclass=StaticPool)")
                .Line("testing_session = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)")
                .Line("Base.metadata.create_all(bind=engine)")
                .Blank()
                .Block("def override_get_db() -> Iterator[Session]:", o => o
                    .Line("db = testing_session()")
                    .Block("try:", t => t.Line("yield db"))
                    .Block("finally:", f => f.Line("db.close()")))
                .Blank()
                .Line("app.dependency_overrides[get_db] = override_get_db")
                .Line("yield TestClient(app)")
                .Line("app.dependency_overrides.clear()")
                .Line("Base.metadata.drop_all(bind=engine)")
                .Line("engine.dispose()"));

        foreach (var entity in blueprint.Entities)
        {
            var e = entity.Module;
            var parentFixtures = entity.Parents.Where(p => p.Required).Select(p => blueprint.Get(p.Target).Module).Distinct().ToList();
            var needsCounter = entity.Fields.Any(SampleValues.UsesCounter) || entity.Fields.Any(f => f.Unique);
            var payloadArgs = string.Join(", ", parentFixtures.Select(p => $"make_{p}: Callable[..., dict[str, Any]]"));
            code.Blank(2)
                .Line("@pytest.fixture()")
                .Block($"def {e}_payload({payloadArgs}) -> Callable[[], dict[str, Any]]:", c =>
                {
                    c.Line($"\"\"\"Build valid {entity.Label} payloads (creating the records they refer to).\"\"\"");
                    if (needsCounter)
                    {
                        c.Line("counter = itertools.count(1)");
                    }

                    c.Blank().Block("def build() -> dict[str, Any]:", b =>
                    {
                        if (needsCounter)
                        {
                            b.Line("n = next(counter)");
                        }

                        b.Line("return {");
                        using (b.Indent())
                        {
                            foreach (var field in entity.Fields)
                            {
                                b.Line($"\"{field.Name}\": {SampleValues.Python(field)},");
                            }

                            foreach (var relation in entity.Parents.Where(p => p.Required))
                            {
                                b.Line($"\"{relation.Column}\": make_{blueprint.Get(relation.Target).Module}()[\"id\"],");
                            }
                        }

                        b.Line("}");
                    }).Blank().Line("return build");
                })
                .Blank(2)
                .Line("@pytest.fixture()")
                .Block($"def make_{e}(client: TestClient, {e}_payload: Callable[[], dict[str, Any]]) -> Callable[..., dict[str, Any]]:", c => c
                    .Line($"\"\"\"Create {entity.PluralLabel} through the API and return them as JSON.\"\"\"")
                    .Blank()
                    .Block("def make(**overrides: Any) -> dict[str, Any]:", m => m
                        .Line($"response = client.post(\"{Stack.CollectionOf(entity)}\", json={{**{e}_payload(), **overrides}})")
                        .Line("assert response.status_code == 201, response.text")
                        .Line("return response.json()"))
                    .Blank()
                    .Line("return make"));
        }

        return code.ToString();
    }

    private string Tests(ProjectBlueprint blueprint, BlueprintEntity entity)
    {
        var e = entity.Module;
        var url = Stack.CollectionOf(entity);
        var item = Stack.ItemOf(entity).Replace("{id}", "{created['id']}", StringComparison.Ordinal);
        var missing = Stack.ItemOf(entity).Replace("{id}", "999999", StringComparison.Ordinal);
        var code = new CodeBuilder();
        code.Line($"\"\"\"Endpoint tests for {entity.PluralLabel}.\"\"\"")
            .Line("from collections.abc import Callable")
            .Line("from typing import Any")
            .Blank()
            .Line("from fastapi.testclient import TestClient")
            .Blank()
            .Line("Factory = Callable[..., dict[str, Any]]")
            .Blank(2)
            .Block($"def test_create_{e}(make_{e}: Factory) -> None:", c => c
                .Line($"created = make_{e}()")
                .Line("assert isinstance(created[\"id\"], int)"))
            .Blank(2)
            .Block($"def test_read_{e}(client: TestClient, make_{e}: Factory) -> None:", c => c
                .Line($"created = make_{e}()")
                .Line($"response = client.get(f\"{item}\")")
                .Line("assert response.status_code == 200")
                .Line("assert response.json() == created"))
            .Blank(2)
            .Block($"def test_list_{entity.Plural}(client: TestClient, make_{e}: Factory) -> None:", c => c
                .Line($"make_{e}()")
                .Line($"make_{e}()")
                .Line($"response = client.get(\"{url}\")")
                .Line("assert response.status_code == 200")
                .Line("assert len(response.json()) == 2"));

        var updateField = SampleValues.UpdateField(entity);
        code.Blank(2).Block($"def test_update_{e}(client: TestClient, make_{e}: Factory) -> None:", c =>
        {
            c.Line($"created = make_{e}()");
            if (updateField is null)
            {
                c.Line($"response = client.patch(f\"{item}\", json={{}})")
                    .Line("assert response.status_code == 200");
            }
            else
            {
                var value = SampleValues.UpdatePython(updateField);
                c.Line($"response = client.patch(f\"{item}\", json={{\"{updateField.Name}\": {value}}})")
                    .Line("assert response.status_code == 200")
                    .Line($"assert response.json()[\"{updateField.Name}\"] == {value}");
            }
        });

        code.Blank(2)
            .Block($"def test_delete_{e}(client: TestClient, make_{e}: Factory) -> None:", c => c
                .Line($"created = make_{e}()")
                .Line($"assert client.delete(f\"{item}\").status_code == 204")
                .Line($"assert client.get(f\"{item}\").status_code == 404"))
            .Blank(2)
            .Block($"def test_read_missing_{e}_returns_404(client: TestClient) -> None:", c => c
                .Line($"assert client.get(\"{missing}\").status_code == 404"));

        if (entity.InputNames.Any(i => i.Required))
        {
            code.Blank(2).Block($"def test_create_{e}_without_required_fields_returns_422(client: TestClient) -> None:", c => c
                .Line($"assert client.post(\"{url}\", json={{}}).status_code == 422"));
        }

        var firstRequiredParent = entity.Parents.FirstOrDefault(p => p.Required);
        if (firstRequiredParent is not null)
        {
            code.Blank(2).Block($"def test_create_{e}_with_unknown_{firstRequiredParent.Field}_returns_404(client: TestClient, {e}_payload: Callable[[], dict[str, Any]]) -> None:", c => c
                .Line($"payload = {{**{e}_payload(), \"{firstRequiredParent.Column}\": 999999}}")
                .Line($"assert client.post(\"{url}\", json=payload).status_code == 404"));
        }

        if (entity.Fields.Any(f => f.Unique))
        {
            code.Blank(2).Block($"def test_create_duplicate_{e}_returns_409(client: TestClient, make_{e}: Factory) -> None:", c => c
                .Line($"created = make_{e}()")
                .Line("duplicate = {key: value for key, value in created.items() if key != \"id\"}")
                .Line($"assert client.post(\"{url}\", json=duplicate).status_code == 409"));
        }

        return code.ToString();
    }

    /// <summary>Text safe inside a one-line Python docstring.</summary>
    internal static string PyText(string text) =>
        text.Replace("\\", "/", StringComparison.Ordinal).Replace("\"\"\"", "'''", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').TrimEnd('"');
}
