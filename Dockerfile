# syntax=docker/dockerfile:1

# Build: docker build -t ghcr.io/zeitspende/zeitspende:latest .

FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
# Everything the build reads; .dockerignore keeps out build output, local data and deployment files.
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -DskipTests package \
    && cp target/zeitspende-*.jar application.jar \
    && java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 zeitspende \
    && useradd --system --uid 10001 --gid 10001 --no-create-home \
        --home-dir /application --shell /usr/sbin/nologin zeitspende
WORKDIR /application
# Least frequently changing layers first, so a code change only rebuilds the last one.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
USER 10001:10001
# G1 by name: with less than 1,792 MiB of memory or a single processor, as in a pod limited
# to 1 GiB, the JVM would choose the serial collector, whose full collections paused for up
# to half a second in bursts of taps in a lab. The heap takes 60 % of the memory: beside it
# the JVM needed about 300 MiB in bursts, and in a lab G1 at 75 % in a 1 GiB memory cgroup
# was killed for running out of memory (loadtest/README.md). Two processors: the JVM sizes
# its collector, threads and network buffers by the processors it sees, all of the node's
# when the pod has no CPU limit; sized for 64 it needed twice as much beside the heap (about
# 640 MiB) in a lab, and in a 1 GiB memory cgroup it was killed.
ENV JAVA_TOOL_OPTIONS="-XX:+UseG1GC -XX:MaxRAMPercentage=60 -XX:ActiveProcessorCount=2 -XX:+ExitOnOutOfMemoryError" \
    SERVER_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
