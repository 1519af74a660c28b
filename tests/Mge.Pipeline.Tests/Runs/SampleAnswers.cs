namespace Mge.Pipeline.Tests.Runs;

/// <summary>Recorded-looking model answers for a small FastAPI run (users, tasks, comments).</summary>
internal static class SampleAnswers
{
    public const string Request = "Create a FastAPI REST API for task management with users, tasks and comments";

    public const string Discovery = """
        {"domain":"Task management","project_name":"task-api","project_type":"fastapi","summary":"Users own tasks; tasks have comments.",
         "bounded_contexts":[
           {"name":"Accounts","aggregates":[{"name":"UserAggregate","root":"User","entities":[
             {"name":"User","attributes":[{"name":"email","type":"email","unique":true}]}]}]},
           {"name":"Work","aggregates":[{"name":"TaskAggregate","root":"Task","entities":[
             {"name":"Task","attributes":[{"name":"title","type":"string"}],"relations":[{"kind":"belongs_to","target":"User"}]},
             {"name":"Comment","attributes":[{"name":"body","type":"text"}],"relations":[{"kind":"belongs_to","target":"Task"}]}]}]}]}
        """;

    public const string NoEntities = """{"domain":"Nothing","project_name":"empty","bounded_contexts":[]}""";

    public const string Plan = """
        {"project_name":"task-api","description":"Task API","project_type":"fastapi","phases":[
          {"name":"Foundation","milestones":[{"name":"Data","tasks":[
            {"number":1,"name":"Database and user model","description":"SQLAlchemy setup and the User model","complexity":"low",
             "target_files":["app/database.py","app/models/user.py"],"depends_on":[]}]}]},
          {"name":"API","milestones":[{"name":"Routes","tasks":[
            {"number":2,"name":"Task router","description":"CRUD routes for tasks","target_files":["app/routers/tasks.py"],"depends_on":[1,5,3]},
            {"number":3,"name":"Main application","description":"FastAPI app","target_files":["./app\\main.py","../evil.py"],"depends_on":[2,1]}]}]}]}
        """;

    public const string CodeTask1 = """"
        Here are the files.

        ```python
        # path: app/database.py
        """Database engine and session."""
        from sqlalchemy import create_engine
        from sqlalchemy.orm import sessionmaker, declarative_base

        engine = create_engine("sqlite:///./app.db")
        SessionLocal = sessionmaker(bind=engine)
        Base = declarative_base()


        def get_db():
            db = SessionLocal()
            try:
                yield db
            finally:
                db.close()
        ```

        ```python
        # path: app/models/user.py
        """The User model."""
        from sqlalchemy import Column, Integer, String
        from app.database import Base


        class User(Base):
            __tablename__ = "users"
            id = Column(Integer, primary_key=True)
            email = Column(String, unique=True)

            def display_name(self, upper: bool = False) -> str:
                return self.email.upper() if upper else self.email
        ```
        """";

    public const string CodeTask2 = """"
        ```python
        # path: app/routers/tasks.py
        """Task routes."""
        from fastapi import APIRouter, Depends
        from app.database import get_db

        router = APIRouter(prefix="/tasks")


        @router.get("/")
        def list_tasks(
            skip: int = 0,
            limit: int = 100,
            db=Depends(get_db),
        ):
            return []
        ```
        """";

    public const string CodeTask3 = """"
        ```python
        # path: app/main.py
        """The FastAPI application."""
        from fastapi import FastAPI
        from app.routers.tasks import router

        app = FastAPI()
        app.include_router(router)
        ```
        """";
}
