#!/usr/bin/env bash
# Starts a throwaway Request Tracker 5 (Debian's packages, SQLite) on 127.0.0.1 for the
# @ringside/adapter-rt tests, and prints the RINGSIDE_TEST_RT_* variables that point at it.
#
#   eval "$(scripts/start-rt.sh)"     # then: npm test, or the adapter's tests alone
#   scripts/start-rt.sh --stop        # stops the RT this script started last
#
# Installs request-tracker5 rt5-db-sqlite rt5-standalone when missing (needs root and apt).
# Everything else lives in one state directory (RINGSIDE_RT_STATE, default a new temporary
# one): the database, the site configuration (read through RT_SITE_CONFIG_DIR, so nothing in
# /etc changes), the log and the server's pid. Port: RINGSIDE_RT_PORT (default 18080).
#
# What it sets up, as docs/adapters/request-tracker.md describes for a real RT:
#   queue "Support" and queue "Escalated" (the escalation target);
#   customer@example.com and other@example.com: unprivileged customers, each with a token;
#   ringside-portal: the privileged account a portal's proxy holds a token of.
# Only progress goes to stderr; stdout carries nothing but the export lines.
set -euo pipefail

RT_LIB=/usr/share/request-tracker5/lib
RT_SERVER=/usr/share/request-tracker5/libexec/rt-server
PID_POINTER=${TMPDIR:-/tmp}/ringside-rt.state

say() { echo "start-rt: $*" >&2; }

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$PID_POINTER" ]; then
    state=$(cat "$PID_POINTER")
    if [ -f "$state/rt.pid" ]; then kill "$(cat "$state/rt.pid")" 2>/dev/null || true; fi
    rm -f "$PID_POINTER"
    say "stopped the RT in $state"
  fi
  exit 0
fi

if [ ! -x "$RT_SERVER" ] || ! perl -MDBD::SQLite -e1 2>/dev/null; then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "Request Tracker 5 is not installed; as root on Debian/Ubuntu run: apt-get install request-tracker5 rt5-db-sqlite rt5-standalone"
    exit 1
  fi
  say "installing request-tracker5 rt5-db-sqlite rt5-standalone"
  debconf-set-selections <<'EOF'
request-tracker5 request-tracker5/rtname string ringside.test
request-tracker5 request-tracker5/organization string ringside.test
request-tracker5 request-tracker5/correspondaddress string rt@ringside.test
request-tracker5 request-tracker5/commentaddress string rt-comment@ringside.test
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1
request-tracker5 request-tracker5/webpath string /rt
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean false
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/dbconfig-upgrade boolean false
EOF
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends request-tracker5 rt5-db-sqlite rt5-standalone >&2
fi

port=${RINGSIDE_RT_PORT:-18080}
state=${RINGSIDE_RT_STATE:-$(mktemp -d "${TMPDIR:-/tmp}/ringside-rt.XXXXXX")}
mkdir -p "$state/RT_SiteConfig.d" "$state/mason"
base_url="http://127.0.0.1:$port"

cat >"$state/RT_SiteConfig.d/50-ringside-test.pm" <<EOF
Set(\$rtname, 'ringside.test');
Set(\$Organization, 'ringside.test');
Set(\$CorrespondAddress, 'rt@ringside.test');
Set(\$CommentAddress, 'rt-comment@ringside.test');
Set(\$Timezone, 'UTC');
Set(\$WebBaseURL, '$base_url');
Set(\$WebPath, '');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$state/rt.sqlite');
Set(\$MasonDataDir, '$state/mason');
Set(\$LogToSTDERR, 'warning');
Set(\$LogToSyslog, undef);
Set(\$LogToFile, undef);
# No outgoing mail from a test RT.
Set(\$MailCommand, 'testfile');
# Cheap hashing for a throwaway instance: RT checks the token of every REST call with bcrypt,
# which at the default cost of 12 takes about 0.2 s per call.
Set(\$BcryptCost, 4);
1;
EOF
export RT_SITE_CONFIG_DIR="$state/RT_SiteConfig.d"

if [ ! -f "$state/rt.sqlite" ]; then
  say "initialising the database in $state"
  /usr/sbin/rt-setup-database-5 --action init --skip-create >/dev/null 2>"$state/setup.log" \
    || /usr/sbin/rt-setup-database-5 --action init >/dev/null 2>>"$state/setup.log" \
    || { cat "$state/setup.log" >&2; exit 1; }
fi

say "creating queues, users, rights and tokens"
perl -I"$RT_LIB" - "$state" >"$state/tokens" <<'PERL'
use strict;
use warnings;
use RT;
RT::LoadConfig();
RT::Init();
use RT::AuthToken;

my $system = RT->SystemUser;
sub ok { my ($what, $ok, $msg) = @_; die "$what: $msg\n" unless $ok; }

sub queue {
    my ($name) = @_;
    my $queue = RT::Queue->new($system);
    $queue->Load($name);
    ok("queue $name", $queue->Create(Name => $name, Description => 'Ringside tests')) unless $queue->id;
    return $queue;
}

sub user {
    my ($name, $email, $privileged) = @_;
    my $user = RT::User->new($system);
    $user->Load($name);
    ok("user $name", $user->Create(Name => $name, EmailAddress => $email, RealName => $name, Privileged => $privileged)) unless $user->id;
    return $user;
}

sub grant {
    my ($principal, $object, @rights) = @_;
    for my $right (@rights) {
        next if $principal->HasRight(Right => $right, Object => $object);
        ok("right $right", $principal->GrantRight(Right => $right, Object => $object));
    }
}

my @customer_rights = qw(ShowTicket ReplyToTicket ModifyTicket);
my $unprivileged = RT::Group->new($system);
$unprivileged->LoadSystemInternalGroup('Unprivileged');
my $portal = user('ringside-portal', 'portal@ringside.test', 1);
for my $name ('Support', 'Escalated') {
    my $queue = queue($name);
    # Customers may create tickets and see the queue; on their own tickets (the Requestor
    # role) they may see, reply, and close or reopen.
    grant($unprivileged->PrincipalObj, $queue, qw(CreateTicket SeeQueue));
    grant($queue->RoleGroup('Requestor')->PrincipalObj, $queue, @customer_rights);
    # The portal's proxy account acts for every customer of the queue.
    grant($portal->PrincipalObj, $queue, qw(CreateTicket SeeQueue ShowTicket ReplyToTicket ModifyTicket));
}
my $customer = user('customer@example.com', 'customer@example.com', 0);
my $other = user('other@example.com', 'other@example.com', 0);
my ($token_customer, $token_other, $token_portal) = map {
    my $token = RT::AuthToken->new($system);
    my ($id, $msg, $secret) = $token->Create(Owner => $_->id, Description => 'Ringside tests');
    ok('token for ' . $_->Name, $id, $msg);
    $secret;
} ($customer, $other, $portal);
print "$token_customer\n$token_other\n$token_portal\n";
PERL

if [ ! -f "$state/rt.pid" ] || ! kill -0 "$(cat "$state/rt.pid")" 2>/dev/null; then
  say "starting rt-server on $base_url"
  (cd "$state" && exec "$RT_SERVER" --server Standalone --host 127.0.0.1 --port "$port" >"$state/rt.log" 2>&1) &
  echo $! >"$state/rt.pid"
  echo "$state" >"$PID_POINTER"
fi

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$base_url/REST/2.0/rt" -H "Authorization: token $(sed -n 3p "$state/tokens")" 2>/dev/null; then break; fi
  sleep 0.5
done
curl -fsS -o /dev/null "$base_url/REST/2.0/rt" -H "Authorization: token $(sed -n 3p "$state/tokens")" \
  || { say "RT did not answer on $base_url; its log:"; tail -n 30 "$state/rt.log" >&2; exit 1; }
say "RT answers on $base_url (state in $state)"

cat <<EOF
export RINGSIDE_TEST_RT_URL=$base_url
export RINGSIDE_TEST_RT_QUEUE=Support
export RINGSIDE_TEST_RT_ESCALATION_QUEUE=Escalated
export RINGSIDE_TEST_RT_REQUESTOR=customer@example.com
export RINGSIDE_TEST_RT_TOKEN=$(sed -n 1p "$state/tokens")
export RINGSIDE_TEST_RT_OTHER_REQUESTOR=other@example.com
export RINGSIDE_TEST_RT_OTHER_TOKEN=$(sed -n 2p "$state/tokens")
export RINGSIDE_TEST_RT_PORTAL_TOKEN=$(sed -n 3p "$state/tokens")
EOF
