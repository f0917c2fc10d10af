/// The two scripts of the Gradescope bundle (`replearn autograder`). Gradescope unpacks the zip
/// in /autograder/source, runs setup.sh once (as root) when it builds the image, and runs
/// run_autograder for each submission, whose files are in /autograder/submission; the report goes
/// to /autograder/results/results.json.
enum AutograderScripts {
    static func setup(swiftVersion: String) -> String {
        """
        #!/usr/bin/env bash
        # RepLearn autograder, image set-up: Swift, the system libraries, a first build, and an
        # unprivileged user to run students' code. Runs once, as root, on Gradescope's Ubuntu image.
        set -euo pipefail
        here="$(cd "$(dirname "$0")" && pwd)"
        SWIFT_VERSION="${SWIFT_VERSION:-\(swiftVersion)}"
        export DEBIAN_FRONTEND=noninteractive

        . /etc/os-release
        case "${VERSION_ID:-}" in
          20.04) gcc=9 ;; 22.04) gcc=11 ;; *) gcc=13 ;;
        esac
        apt-get update -qq
        # Swift's own dependencies (swift.org's list for Ubuntu), then the package's.
        apt-get install -y -qq binutils git gnupg2 libc6-dev libcurl4-openssl-dev libedit2 "libgcc-$gcc-dev" \\
          libpython3-dev libsqlite3-0 "libstdc++-$gcc-dev" libxml2-dev libz3-dev pkg-config tzdata unzip zlib1g-dev \\
          curl ca-certificates libncurses-dev libopenblas-dev libpng-dev

        if ! command -v swift > /dev/null; then
          platform="ubuntu${VERSION_ID//./}"
          name="swift-${SWIFT_VERSION}-RELEASE"
          curl -fsSL "https://download.swift.org/swift-${SWIFT_VERSION}-release/${platform}/${name}/${name}-${platform}.tar.gz" -o /tmp/swift.tar.gz
          mkdir -p /opt/swift
          tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components=1
          rm /tmp/swift.tar.gz
          ln -sf /opt/swift/usr/bin/* /usr/local/bin/
        fi

        cd "$here/replearn"
        # The stubs, kept to start every submission from them.
        rm -rf .exercises-stubs && cp -r Exercises .exercises-stubs
        swift build --product replearn --explicit-target-dependency-import-check error

        # Students' code runs as this user (the worker drops to it); the package stays root's.
        if command -v useradd > /dev/null && ! id replearn-student > /dev/null 2>&1; then
          useradd --system --no-create-home --shell /usr/sbin/nologin replearn-student || true
        fi
        chmod -R a+rX "$here"
        """
    }

    static let run = """
        #!/usr/bin/env bash
        # RepLearn autograder, one submission: copy the submitted Exercises/ files into the package
        # (matched by file name, so a zip of Exercises/ and loose files both work), build, grade each
        # exercise in its own worker process (as replearn-student when that user exists), and write
        # results.json. REPLEARN_AUTOGRADER_ROOT moves the /autograder layout for a local trial.
        set -uo pipefail
        root="${REPLEARN_AUTOGRADER_ROOT:-/autograder}"
        here="$(cd "$(dirname "$0")" && pwd)"
        pkg="$here/replearn"
        submission="$root/submission"
        results="$root/results"
        mkdir -p "$results"

        json_text() { sed -e 's/\\\\/\\\\\\\\/g' -e 's/"/\\\\"/g' -e 's/\\t/    /g' -e 's/\\r//g' | awk 'BEGIN { ORS = "\\\\n" } { print }'; }
        fail() { # message file
          printf '{"score": 0, "output": "%s"}\\n' "$(json_text < "$1")" > "$results/results.json"
          cat "$1"; exit 0
        }

        cd "$pkg" || exit 1
        [ -d .exercises-stubs ] || cp -r Exercises .exercises-stubs
        rm -rf Exercises && cp -r .exercises-stubs Exercises

        log=$(mktemp)
        copied=0
        while IFS= read -r rel; do
          name=$(basename "$rel")
          found=$(find "$submission" -type f -name "$name" -not -path "*/__MACOSX/*" 2> /dev/null)
          [ -z "$found" ] && continue
          if [ "$(printf '%s\\n' "$found" | wc -l)" -gt 1 ]; then
            found=$(printf '%s\\n' "$found" | grep -F "/$rel" | head -1)
            [ -z "$found" ] && { echo "several files named $name were submitted; put them in Exercises/ folders" >> "$log"; continue; }
          fi
          cp "$found" "Exercises/$rel" && copied=$((copied + 1))
        done < <(cd .exercises-stubs && find . -name '*.swift' | sed 's|^\\./||' | sort)
        echo "RepLearn autograder: $copied file(s) of Exercises/ taken from the submission" | tee -a "$log"

        # Every import must be a declared dependency: Exercises/ can import Course and RepLearn only.
        if ! swift build --product replearn --explicit-target-dependency-import-check error > "$log.build" 2>&1; then
          { cat "$log"; echo; echo "Your Exercises/ code does not compile:"; grep -E "error:" "$log.build" | grep -v "emit-module command failed" | sed "s|$pkg/||" | awk '!seen[$0]++' | head -40; } > "$log.fail"
          fail "$log.fail"
        fi
        user_env=()
        if [ "$(id -u)" = 0 ] && id replearn-student > /dev/null 2>&1; then user_env=(REPLEARN_WORKER_USER=replearn-student); fi
        record=$(mktemp -d)
        env "${user_env[@]}" .build/debug/replearn grade --all --json "$results/results.json" --progress-file "$record/progress.json"
        [ -s "$results/results.json" ] || { echo "the grader wrote no results" > "$log.fail"; fail "$log.fail"; }
        exit 0
        """
}
