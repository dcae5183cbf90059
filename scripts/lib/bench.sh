# shellcheck shell=bash
# Building and running a Frappe v15 bench: the one place that knows how, sourced by
# scripts/setup and tests/run. Nothing here is specific to one machine: every path comes
# from the caller or from an environment variable.
#
#   GOVIT_BENCH                  the bench folder (default ~/frappe-bench)
#   GOVIT_FRAPPE_SOURCE          a local clone of Frappe (offline); default: Frappe's official repository
#   GOVIT_FRAPPE_BRANCH          default version-15
#   GOVIT_AIR_DATEPICKER_SOURCE  a local clone of frappe/air-datepicker (offline; holds the commit Frappe's yarn.lock pins)
#   GOVIT_DB_ROOT_PASSWORD       MariaDB's root password, when one is already set
#   GOVIT_TOOLS                  where the bench CLI is installed (default ~/.local/share/govit)

GOVIT_BENCH_CLI_VERSION=5.31.1
GOVIT_YARN_VERSION=1.22.22
GOVIT_FRAPPE_REPOSITORY=https://github.com/frappe/frappe
GOVIT_FRAPPE_BRANCH=${GOVIT_FRAPPE_BRANCH:-version-15}
GOVIT_TOOLS=${GOVIT_TOOLS:-$HOME/.local/share/govit}
# Frappe v15's yarn.lock pins air-datepicker to this commit of a fork on GitHub.
GOVIT_AIR_DATEPICKER_COMMIT=ed37b94d95c68d8544357e330be0c89d044a3eea
GOVIT_MARIADB_CONF_NAME=99-govit-utf8mb4.cnf

# A step's title; with GOVIT_T0 set (the caller's start in $SECONDS), the time spent so far.
govit_say() { printf '\n=== %s%s\n' "$*" "${GOVIT_T0:+  [$((SECONDS - GOVIT_T0)) s]}"; }
govit_note() { printf '    %s\n' "$*"; }
govit_die() {
	printf '\nERROR: %s\n' "$*" >&2
	exit 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
govit_as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

# ---- distribution packages ---------------------------------------------------------------

GOVIT_PACKAGES=(
	mariadb-server mariadb-client redis-server fonts-noto-cjk
	build-essential pkg-config libmariadb-dev python3-dev python3-venv python3-pip
	git curl ca-certificates
)

govit_missing_packages() {
	local p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
	done
}

govit_apt_install() {
	export DEBIAN_FRONTEND=noninteractive
	govit_as_root apt-get install -y -q --no-install-recommends "$@" >/dev/null ||
		{ govit_as_root apt-get update -q >/dev/null && govit_as_root apt-get install -y -q --no-install-recommends "$@" >/dev/null; } ||
		govit_die "could not install $* with apt-get (no network and no local mirror?)"
}

govit_install_packages() {
	govit_say "Distribution packages"
	local missing
	mapfile -t missing < <(govit_missing_packages "${GOVIT_PACKAGES[@]}")
	if [ ${#missing[@]} -gt 0 ]; then
		govit_note "installing ${missing[*]}"
		govit_apt_install "${missing[@]}"
	else
		govit_note "all present"
	fi
	govit_ensure_node
}

govit_node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

govit_ensure_node() {
	if [ "$(govit_node_major || echo 0)" -lt 18 ] 2>/dev/null || ! command -v node >/dev/null; then
		local candidate
		candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ {print $2}' | sed -E 's/^([0-9]+:)?([0-9]+).*/\2/')
		if [ -n "$candidate" ] && [ "$candidate" -ge 18 ] 2>/dev/null; then
			govit_note "installing Node.js $candidate from the distribution"
			govit_apt_install nodejs npm
		else
			govit_die "Frappe v15 needs Node.js 18 or later; the distribution offers ${candidate:-none}. Install Node 18+ (e.g. from NodeSource) and run this again."
		fi
	fi
	if ! command -v yarn >/dev/null; then
		command -v npm >/dev/null || govit_apt_install npm
		govit_note "installing yarn $GOVIT_YARN_VERSION from the npm registry"
		govit_as_root npm install -g --silent "yarn@$GOVIT_YARN_VERSION" >/dev/null ||
			govit_die "could not install yarn from the npm registry (no network? set npm's registry to a mirror)"
	fi
}

# ---- the bench CLI ----------------------------------------------------------------------

# Puts the bench CLI (and the uv it brings, which bench 5.31 calls from PATH) on PATH.
govit_cli_path() {
	case ":$PATH:" in
	*":$GOVIT_TOOLS/bench-cli/bin:"*) ;;
	*) export PATH="$GOVIT_TOOLS/bench-cli/bin:$PATH" ;;
	esac
}

govit_ensure_bench_cli() {
	local venv="$GOVIT_TOOLS/bench-cli"
	if ! [ -x "$venv/bin/bench" ] || [ "$("$venv/bin/python" -m pip show frappe-bench 2>/dev/null |
		awk '$1 == "Version:" {print $2}')" != "$GOVIT_BENCH_CLI_VERSION" ]; then
		govit_note "installing the bench CLI (frappe-bench==$GOVIT_BENCH_CLI_VERSION from PyPI) into $venv"
		mkdir -p "$GOVIT_TOOLS"
		[ -x "$venv/bin/python" ] || python3 -m venv "$venv" ||
			govit_die "could not create a Python venv in $venv (Debian/Ubuntu: apt-get install python3-venv)"
		"$venv/bin/python" -m pip install -q "frappe-bench==$GOVIT_BENCH_CLI_VERSION" ||
			govit_die "could not install frappe-bench==$GOVIT_BENCH_CLI_VERSION from PyPI (no network? set PIP_INDEX_URL to a mirror)"
	fi
	govit_cli_path
	# `bench` and `uv` for later shells too, when nothing else owns those names.
	if [ "$(id -u)" -eq 0 ]; then
		local tool
		for tool in bench uv; do
			[ -e "/usr/local/bin/$tool" ] || ln -s "$venv/bin/$tool" "/usr/local/bin/$tool"
		done
	fi
}

# ---- yarn and the one git-pinned package -------------------------------------------------

# Offline, yarn takes air-datepicker from an offline mirror: a tarball of the pinned commit
# named with the bare commit hash (the last part of the URL in Frappe's yarn.lock).
govit_yarn_offline_mirror() {
	[ -n "${GOVIT_AIR_DATEPICKER_SOURCE:-}" ] || return 0
	local mirror="$GOVIT_TOOLS/yarn-offline-mirror"
	local tarball="$mirror/$GOVIT_AIR_DATEPICKER_COMMIT"
	if [ ! -s "$tarball" ]; then
		git -C "$GOVIT_AIR_DATEPICKER_SOURCE" cat-file -e "$GOVIT_AIR_DATEPICKER_COMMIT^{commit}" 2>/dev/null ||
			govit_die "GOVIT_AIR_DATEPICKER_SOURCE=$GOVIT_AIR_DATEPICKER_SOURCE is not a git clone holding commit $GOVIT_AIR_DATEPICKER_COMMIT of frappe/air-datepicker"
		mkdir -p "$mirror"
		git -C "$GOVIT_AIR_DATEPICKER_SOURCE" archive --format=tar --prefix=package/ "$GOVIT_AIR_DATEPICKER_COMMIT" |
			gzip -n >"$tarball.tmp" && mv "$tarball.tmp" "$tarball"
	fi
	# Read by yarn 1 as its `yarn-offline-mirror` setting, for this process and its children only.
	export YARN_YARN_OFFLINE_MIRROR="$mirror"
}

# ---- the Frappe source -------------------------------------------------------------------

# Sets GOVIT_FRAPPE_FROM to where bench init takes Frappe from, or fails saying what is missing.
govit_frappe_source() {
	if [ -n "${GOVIT_FRAPPE_SOURCE:-}" ]; then
		[ -d "$GOVIT_FRAPPE_SOURCE" ] || govit_die "GOVIT_FRAPPE_SOURCE=$GOVIT_FRAPPE_SOURCE is not a folder"
		git -C "$GOVIT_FRAPPE_SOURCE" rev-parse --verify -q "$GOVIT_FRAPPE_BRANCH^{commit}" >/dev/null ||
			govit_die "GOVIT_FRAPPE_SOURCE=$GOVIT_FRAPPE_SOURCE is not a git clone of Frappe with a branch $GOVIT_FRAPPE_BRANCH"
		[ "$(git -C "$GOVIT_FRAPPE_SOURCE" rev-parse --is-bare-repository)" = false ] ||
			govit_die "GOVIT_FRAPPE_SOURCE=$GOVIT_FRAPPE_SOURCE is a bare repository; bench init needs a normal clone (git clone -b $GOVIT_FRAPPE_BRANCH it somewhere)"
		[ -n "${GOVIT_AIR_DATEPICKER_SOURCE:-}" ] || [ -n "${GOVIT_ONLINE_YARN:-}" ] ||
			govit_die "offline, yarn also needs the one package Frappe pins to GitHub: set GOVIT_AIR_DATEPICKER_SOURCE to a clone of frappe/air-datepicker (with commit $GOVIT_AIR_DATEPICKER_COMMIT), or GOVIT_ONLINE_YARN=1 if GitHub is reachable"
		GOVIT_FRAPPE_FROM=$(cd "$GOVIT_FRAPPE_SOURCE" && pwd)
		return 0
	fi
	if ! git ls-remote --heads "$GOVIT_FRAPPE_REPOSITORY" "$GOVIT_FRAPPE_BRANCH" >/dev/null 2>&1; then
		govit_die "cannot reach $GOVIT_FRAPPE_REPOSITORY (no network?) and no local source is set.
  Offline, clone Frappe and the air-datepicker fork elsewhere and run again with
  GOVIT_FRAPPE_SOURCE=/path/to/frappe (branch $GOVIT_FRAPPE_BRANCH) GOVIT_AIR_DATEPICKER_SOURCE=/path/to/air-datepicker"
	fi
	GOVIT_FRAPPE_FROM=$GOVIT_FRAPPE_REPOSITORY
}

# ---- the bench ---------------------------------------------------------------------------

govit_bench_complete() {
	local bench=$1
	[ -d "$bench/apps/frappe/frappe" ] && [ -x "$bench/env/bin/python" ] &&
		[ -f "$bench/sites/common_site_config.json" ] && [ -f "$bench/config/redis_cache.conf" ] &&
		grep -qx frappe "$bench/sites/apps.txt" 2>/dev/null &&
		"$bench/env/bin/python" -c 'import frappe' 2>/dev/null
}

# Creates the bench in $1 unless a complete one is there. An unfinished bench of an earlier
# run (no site in it) is moved aside, never deleted; a folder holding anything else stops us.
govit_build_bench() {
	local bench=$1
	if govit_bench_complete "$bench"; then
		govit_note "bench $bench is already built"
		govit_bench_fixups "$bench"
		return 0
	fi
	if [ -d "$bench" ] && [ -z "$(ls -A "$bench")" ]; then
		rmdir "$bench"
	elif [ -e "$bench" ]; then
		if [ -f "$bench/sites/common_site_config.json" ] && ! compgen -G "$bench/sites/*/site_config.json" >/dev/null; then
			local aside
			aside="$bench.unfinished-$(date +%Y%m%d%H%M%S)"
			govit_note "$bench is an unfinished bench with no site (an interrupted run?): moving it to $aside and building anew"
			mv "$bench" "$aside"
		else
			govit_die "$bench exists but is not a working Frappe bench; move it away or set GOVIT_BENCH to another folder"
		fi
	fi
	govit_frappe_source
	govit_yarn_offline_mirror
	govit_say "Building a Frappe $GOVIT_FRAPPE_BRANCH bench in $bench from $GOVIT_FRAPPE_FROM"
	mkdir -p "$(dirname "$bench")"
	# bench refuses to run as root unless the folder it runs in names frappe_user root.
	local cwd
	cwd=$(mktemp -d)
	mkdir -p "$cwd/sites"
	printf '{"frappe_user": "%s"}\n' "$(id -un)" >"$cwd/sites/common_site_config.json"
	# --skip-assets: `bench build` runs later, once; --no-backups: the backup cron needs crontab.
	if ! (cd "$cwd" && bench init "$bench" --frappe-path "$GOVIT_FRAPPE_FROM" --frappe-branch "$GOVIT_FRAPPE_BRANCH" \
		--skip-assets --no-backups --python "$(command -v python3)"); then
		rm -rf "$cwd"
		govit_die "bench init failed (see above); run this again to resume: the unfinished bench will be moved aside"
	fi
	rm -rf "$cwd"
	govit_bench_complete "$bench" || govit_die "bench init ended but $bench is not a working bench (see above)"
	govit_bench_fixups "$bench"
	govit_free_redis_ports "$bench"
}

# bench init numbers Redis ports after the benches in the same parent folder only; a new bench
# elsewhere gets 13000 and 11000 even when another bench's Redis listens there. Move it to free ports.
govit_free_redis_ports() {
	local bench=$1 key port taken=() changed=""
	for key in redis_cache redis_queue; do
		port=$(govit_common_config "$bench" "$key")
		port=${port##*:}
		while govit_port_taken "$port" || [[ " ${taken[*]} " == *" $port "* ]]; do
			port=$((port + 1))
			changed=1
		done
		taken+=("$port")
		govit_set_common_config "$bench" "$key" "redis://127.0.0.1:$port"
		[ "$key" = redis_cache ] && govit_set_common_config "$bench" redis_socketio "redis://127.0.0.1:$port"
	done
	if [ -n "$changed" ]; then
		govit_note "Redis ports in use by others: this bench's cache and queue are on ${taken[*]}"
		(cd "$bench" && bench setup redis) >/dev/null || govit_die "bench setup redis failed"
	fi
}

# What a bench built by bench 5.31 with Frappe v15 needs on these machines.
govit_bench_fixups() {
	local bench=$1
	# setuptools 81+ has no pkg_resources, which a library Frappe v15 pins still imports.
	if ! "$bench/env/bin/python" -c 'import pkg_resources' >/dev/null 2>&1; then
		govit_note "setuptools<81 in the bench env (pkg_resources)"
		uv pip install -q --python "$bench/env/bin/python" "setuptools<81" 2>/dev/null ||
			"$bench/env/bin/python" -m pip install -q "setuptools<81" ||
			govit_die "could not install setuptools<81 into $bench/env"
	fi
	govit_set_common_config "$bench" frappe_user "$(id -un)"
}

# Sets one key of the bench's common_site_config.json (a string value).
govit_set_common_config() {
	local bench=$1 key=$2 value=$3
	"$bench/env/bin/python" - "$bench/sites/common_site_config.json" "$key" "$value" <<-'EOF'
		import json, sys
		path, key, value = sys.argv[1:]
		with open(path) as f:
		    config = json.load(f)
		if config.get(key) != value:
		    config[key] = value
		    with open(path, "w") as f:
		        json.dump(config, f, indent=1, sort_keys=True)
	EOF
}

govit_common_config() {
	local bench=$1 key=$2
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2], ""))' \
		"$bench/sites/common_site_config.json" "$key" 2>/dev/null
}

# ---- MariaDB -----------------------------------------------------------------------------

govit_mariadb_conf_dir() {
	local dir
	for dir in /etc/mysql/mariadb.conf.d /etc/mysql/conf.d /etc/my.cnf.d; do
		[ -d "$dir" ] && { echo "$dir"; return 0; }
	done
	return 1
}

# Frappe needs utf8mb4 throughout; written once into a conf.d file of our own.
govit_configure_mariadb() {
	local dir file
	dir=$(govit_mariadb_conf_dir) || govit_die "no MariaDB configuration folder (/etc/mysql/mariadb.conf.d); is mariadb-server installed?"
	file="$dir/$GOVIT_MARIADB_CONF_NAME"
	local wanted
	wanted='# Written by govit_app scripts/setup: Frappe needs utf8mb4.
[mysqld]
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
character-set-client-handshake = FALSE

[mysql]
default-character-set = utf8mb4'
	if [ "$(cat "$file" 2>/dev/null)" != "$wanted" ]; then
		govit_note "MariaDB: utf8mb4 settings in $file"
		printf '%s\n' "$wanted" | govit_as_root tee "$file" >/dev/null
		GOVIT_MARIADB_CONF_CHANGED=1
	fi
	if grep -rqs '^[[:space:]]*skip[-_]name[-_]resolve' /etc/mysql/ 2>/dev/null; then
		govit_note "warning: skip-name-resolve is set in /etc/mysql; root logins over 127.0.0.1 may fail (error 1130)"
	fi
}

govit_mariadb_running() { mysqladmin ping >/dev/null 2>&1; }

govit_start_mariadb() {
	if govit_mariadb_running; then
		return 0
	fi
	govit_note "starting MariaDB"
	if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
		govit_as_root systemctl start mariadb || govit_die "MariaDB did not start (systemctl status mariadb)"
	else
		govit_as_root mkdir -p /run/mysqld
		govit_as_root chown mysql:mysql /run/mysqld 2>/dev/null
		(govit_as_root mysqld_safe >/dev/null 2>&1 9>&- &) # 9: the bench lock stays with us
	fi
	local _
	for _ in $(seq 60); do govit_mariadb_running && return 0; sleep 1; done
	govit_die "MariaDB did not start within 60 s (see /var/log/mysql or journalctl -u mariadb)"
}

govit_restart_mariadb() {
	govit_note "restarting MariaDB for the utf8mb4 settings"
	if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
		govit_as_root systemctl restart mariadb || govit_die "MariaDB did not restart"
	else
		MYSQL_PWD=$1 mysqladmin -uroot -h127.0.0.1 shutdown || govit_die "could not stop MariaDB to apply the utf8mb4 settings"
		local _
		for _ in $(seq 30); do govit_mariadb_running || break; sleep 1; done
		govit_start_mariadb
	fi
}

govit_root_login_works() { MYSQL_PWD=$1 mariadb -uroot -h127.0.0.1 -N -e 'SELECT 1' >/dev/null 2>&1; }

# Sets GOVIT_DB_ROOT_PW to the MariaDB root password the bench uses, giving root one when it
# has none yet (Debian's root logs in through the unix socket only) and recording it in the bench.
govit_db_root_password() {
	local bench=$1 password from
	if [ -n "${GOVIT_DB_ROOT_PASSWORD:-}" ]; then
		password=$GOVIT_DB_ROOT_PASSWORD from="GOVIT_DB_ROOT_PASSWORD"
	else
		password=$(govit_common_config "$bench" root_password) from="root_password in $bench/sites/common_site_config.json"
	fi
	if [ -n "$password" ]; then
		govit_root_login_works "$password" ||
			govit_die "MariaDB refuses root with the password from $from (over 127.0.0.1); set GOVIT_DB_ROOT_PASSWORD to the right one. Nothing was changed."
	elif govit_as_root mariadb -uroot -N -e 'SELECT 1' >/dev/null 2>&1; then
		# Root logs in through the unix socket; if it also has a password, it is someone else's.
		if [ "$(govit_as_root mariadb -uroot -N -e "SELECT COUNT(*) FROM mysql.user WHERE User = 'root' AND Host = 'localhost' AND authentication_string NOT IN ('', 'invalid')")" != 0 ]; then
			govit_die "MariaDB's root already has a password that $bench does not know (another bench?): set GOVIT_DB_ROOT_PASSWORD to it. Nothing was changed."
		fi
		password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
		govit_note "MariaDB root had no password: giving it one (kept in common_site_config.json as root_password; the unix socket login stays)"
		govit_as_root mariadb -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('$password'); FLUSH PRIVILEGES;" ||
			govit_die "could not set MariaDB's root password"
		govit_root_login_works "$password" || govit_die "MariaDB root cannot log in over 127.0.0.1 with its new password (skip-name-resolve?)"
	else
		govit_die "MariaDB root needs a password and none is known: set GOVIT_DB_ROOT_PASSWORD"
	fi
	govit_set_common_config "$bench" root_password "$password"
	GOVIT_DB_ROOT_PW=$password
}

# ---- Redis -------------------------------------------------------------------------------

# Starts the bench's Redis instances (cache, queue) unless they answer. Adds the ports it
# started to GOVIT_STARTED_REDIS, so that a caller can stop them again.
GOVIT_STARTED_REDIS=()
govit_start_redis() {
	local bench=$1 conf port
	for conf in "$bench"/config/redis_cache.conf "$bench"/config/redis_queue.conf; do
		port=$(awk '$1 == "port" {print $2}' "$conf")
		if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then
			# Answering, but is it this bench's Redis? Its working folder says so.
			local dir
			dir=$(redis-cli -p "$port" config get dir 2>/dev/null | sed -n 2p)
			[ -z "$dir" ] || [ "$dir" -ef "$bench/config/pids" ] ||
				govit_die "port $port (Redis of $conf) is served by another Redis (working folder $dir), not this bench's: free the port, or give this bench other ports (common_site_config.json redis_cache/redis_queue, then bench setup redis)"
			continue
		fi
		if govit_port_taken "$port"; then
			govit_die "port $port (Redis of $conf) is taken by something that is not Redis; free it or change the port in $conf"
		fi
		(cd "$bench/config" && redis-server "$conf" --daemonize yes >/dev/null 9>&-) || govit_die "Redis did not start with $conf"
		local _
		for _ in $(seq 20); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.5; done
		redis-cli -p "$port" ping 2>/dev/null | grep -q PONG || govit_die "Redis on port $port did not answer"
		GOVIT_STARTED_REDIS+=("$port")
	done
}

govit_port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- one user of the bench at a time -----------------------------------------------------

# tests/run swaps apps/govit_app for its own checkout while it runs, and scripts/setup installs
# and migrates through that folder: both hold this lock, so that one waits for the other. It is
# released when the process exits; long-running children are started with fd 9 closed.
govit_lock_bench() {
	local bench=$1
	exec 9>"$bench/.govit-tests.lock"
	if ! flock -n 9; then
		govit_note "another tests/run or scripts/setup is using $bench: waiting for it (lock $bench/.govit-tests.lock)"
		flock 9
	fi
}

# ---- the app in a bench ------------------------------------------------------------------

# The app's own Python dependencies (pinned in pyproject.toml), one per line.
govit_app_dependencies() {
	python3 "$1/tests/run_helpers.py" dependencies "$1/pyproject.toml"
}

# ---- desk assets -------------------------------------------------------------------------

# `bench build` once per bench: the desk, print views and the tests' page renders need the
# bundles (sites/assets/assets.json).
govit_build_assets() {
	local bench=$1
	[ -f "$bench/sites/assets/assets.json" ] && [ -z "${GOVIT_REBUILD:-}" ] && return 0
	govit_say "Desk assets (bench build)"
	govit_yarn_offline_mirror
	(cd "$bench" && bench build) >"$bench/logs/govit-build.log" 2>&1 || {
		tail -30 "$bench/logs/govit-build.log"
		govit_die "bench build failed (log: $bench/logs/govit-build.log)"
	}
	govit_note "built"
}

# ---- everything a bench needs, but no site ----------------------------------------------

# Distribution packages, Node and yarn, the bench CLI, the bench and its assets; then MariaDB (utf8mb4,
# root password recorded in the bench) and the bench's Redis, running. Sets GOVIT_DB_ROOT_PW,
# GOVIT_STARTED_MARIADB and GOVIT_STARTED_REDIS.
govit_prepare_bench() {
	local bench=$1
	govit_install_packages
	govit_say "The bench CLI"
	govit_ensure_bench_cli
	govit_note "$(bench --version 2>/dev/null | tail -1) at $(command -v bench)"
	govit_build_bench "$bench"
	govit_build_assets "$bench"
	govit_say "MariaDB and Redis"
	GOVIT_MARIADB_CONF_CHANGED=""
	govit_configure_mariadb
	govit_start_mariadb
	govit_db_root_password "$bench"
	local charset
	charset=$(MYSQL_PWD=$GOVIT_DB_ROOT_PW mariadb -uroot -h127.0.0.1 -N -e 'SELECT @@character_set_server')
	if [ "$charset" != utf8mb4 ]; then
		[ -n "$GOVIT_MARIADB_CONF_CHANGED" ] ||
			govit_die "MariaDB's character set is $charset although $(govit_mariadb_conf_dir)/$GOVIT_MARIADB_CONF_NAME asks for utf8mb4; another configuration file overrides it"
		govit_restart_mariadb "$GOVIT_DB_ROOT_PW"
	fi
	govit_start_redis "$bench"
	govit_note "MariaDB and Redis are running"
}

# Runs a command with its output shown, less Frappe's progress bars; returns its status.
govit_quiet() {
	"$@" 2>&1 | tr '\r' '\n' | { grep -v -e '^Updating DocTypes for' -e '^Updating Dashboard for' -e '^[[:space:]]*$' || true; }
	return "${PIPESTATUS[0]}"
}
