# The staff console: its front end is built with npm inside the Maven build (console/web/npm-step.sh),
# so the build stage needs Node besides Maven. The image runs only the JDK server.

FROM maven:3.9-eclipse-temurin-17 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    mvn -q -B -ntp -Dmaven.test.skip=true -pl console -am package \
    && test -f console/target/classes/static/index.html \
    && cp console/target/console.jar /app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app app
COPY --from=build /app.jar /app/app.jar
USER 10001
WORKDIR /app
# The same small JVM as in the local stack (docs/console.md, memory).
ENV JAVA_OPTS="-XX:+UseSerialGC -Xmx48m -Xss256k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=48m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/app.jar"]
