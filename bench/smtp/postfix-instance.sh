#!/usr/bin/env bash
# Creates and starts a private Postfix instance for benchmarks: its own config,
# queue and mbox spool under DIR, smtpd on 127.0.0.1:PORT, local delivery of
# mail for USER@localhost into DIR/spool/USER with Postfix's default fsync
# behaviour. Usage: postfix-instance.sh start|stop DIR [PORT USER]
set -euo pipefail
action=$1 dir=$2
if [ "$action" = stop ]; then
    postfix -c "$dir/etc" stop >/dev/null 2>&1 || true
    exit 0
fi
port=$3 user=$4
id "$user" >/dev/null 2>&1 || useradd --no-create-home --shell /usr/sbin/nologin "$user"
mkdir -p "$dir/etc" "$dir/queue" "$dir/data" "$dir/spool"
chmod 1777 "$dir/spool"
chown postfix "$dir/data"
cat > "$dir/etc/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
myhostname = bench.localdomain
mydestination = localhost, bench.localdomain
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mail_spool_directory = $dir/spool
alias_maps =
alias_database =
maillog_file = $dir/maillog
maillog_file_prefixes = $dir
biff = no
smtpd_banner = bench ESMTP Postfix
CF
# Debian's master.cf with smtpd on our port and no chroot (the instance has no chroot tree).
awk -v port="$port" '
    /^smtp[ \t]+inet/ { print "127.0.0.1:" port " inet n - n - - smtpd"; next }
    /^[a-z0-9]/ && NF >= 8 { $5 = "n" }
    { print }
' /etc/postfix/master.cf > "$dir/etc/master.cf"
grep -q '^postlog' "$dir/etc/master.cf" || echo "postlog unix-dgram n - n - 1 postlogd" >> "$dir/etc/master.cf"
postfix -c "$dir/etc" set-permissions >/dev/null 2>&1 || true
postfix -c "$dir/etc" start
