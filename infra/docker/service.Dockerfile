# One image recipe for every service: docker compose passes SERVICE (e.g. registration-service).
# The build context is the repository root, because a service is built from the whole Maven reactor.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -q -B -ntp -Dmaven.test.skip=true -pl "services/${SERVICE}" -am package \
    && cp "services/${SERVICE}/target/${SERVICE}.jar" /app.jar

FROM eclipse-temurin:17-jre
# curl only for the compose health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app app
COPY --from=build /app.jar /app/app.jar
USER 10001
WORKDIR /app
# The heap follows the container's memory limit rather than the host's memory.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
