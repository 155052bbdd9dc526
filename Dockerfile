# Multi-stage build of the job pricing server: Maven builds the server and the bundled plugins,
# a JRE image runs them as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY plugin-api plugin-api
COPY rules rules
COPY plugins plugins
COPY core-server core-server
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
# pg_dump/pg_restore for the backup, restore and verify-backup commands (same major version as compose's PostgreSQL)
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client-16 \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system jobpricing && useradd --system --gid jobpricing --home /app jobpricing
WORKDIR /app
COPY --from=build /src/core-server/target/core-server.jar core-server.jar
COPY --from=build /src/core-server/target/lib lib
COPY --from=build /src/core-server/target/plugins plugins
COPY rules/*.drl rules/*.drl.csv rules/*.drl.xlsx rules/
COPY rules/tests rules/tests
COPY config.yml config.yml
RUN mkdir -p /app/data && chown -R jobpricing:jobpricing /app/data
USER jobpricing
ENV BIND_HOST=0.0.0.0 \
    PORT=8080 \
    ADMIN_BIND_HOST=0.0.0.0 \
    ADMIN_PORT=8081 \
    RULES_DIR=/app/rules \
    PLUGINS_DIR=/app/plugins \
    SURVEY_CSV_DIR=/app/data/surveys
EXPOSE 8080 8081
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
  CMD ["java", "-cp", "/app/core-server.jar:/app/lib/*", "org.jobpricing.server.cli.HealthProbe", "http://127.0.0.1:8081/healthcheck"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/core-server.jar"]
CMD ["server", "/app/config.yml"]
