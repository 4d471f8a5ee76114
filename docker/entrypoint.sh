#!/bin/sh
# Starts Payara Micro with Newsdesk in the container, as the run command starts it (LocalServer): one
# instance without Hazelcast and with sessions in memory, or, when NEWSDESK_CLUSTER_MEMBERS names the
# instances that share the database, Payara's Hazelcast found over TCP at those addresses, carrying the page
# cache's invalidations and the desk's sessions. Keep the two in step.
set -eu
set -- --deploymentDir /opt/payara/deployments --contextroot / --logproperties /opt/payara/newsdesk-logging.properties
# Commands before boot: every server's (no Server header), then one instance's.
preboot=/tmp/newsdesk-preboot.txt
cat /opt/payara/newsdesk-server.txt > "$preboot"
if [ -n "${NEWSDESK_CLUSTER_MEMBERS:-}" ]; then
  set -- "$@" --clustermode "tcpip:${NEWSDESK_CLUSTER_MEMBERS}" --clustername "${NEWSDESK_CLUSTER_NAME:-newsdesk}"
  if [ -n "${NEWSDESK_CLUSTER_PORT:-}" ]; then
    set -- "$@" --startport "$NEWSDESK_CLUSTER_PORT"
  fi
else
  # Sessions in memory: the WAR asks for them in Hazelcast, which one instance does not run.
  set -- "$@" --nohazelcast
  cat /opt/payara/newsdesk-one-instance.txt >> "$preboot"
fi
set -- "$@" --prebootcommandfile "$preboot"
# The JVM options of src/main/payara/jvm.options, then JVM_ARGS; options without spaces inside any of them.
options=$(grep -v '^[[:space:]]*#' /opt/payara/newsdesk-jvm.options | tr '\n' ' ')
# shellcheck disable=SC2086
exec java $options ${JVM_ARGS:-} -jar /opt/payara/payara-micro.jar "$@"
