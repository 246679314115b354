//! A minimal WebDriver client, for the scenarios that look at a page in a real browser.
//! It starts Debian's `chromedriver`, which drives headless Chromium, and speaks W3C
//! WebDriver to it over plain HTTP/1.1 on a `TcpStream`, so the tests need no HTTP or
//! WebDriver crate. It does only what the tests need: open a file, run a script, click,
//! resize the window, take a screenshot and read the console errors. Failures panic with
//! chromedriver's message (these are test helpers); only [`Browser::start`] returns an
//! error, when Chromium or chromedriver is not installed, so that a test can say plainly
//! that it cannot run.

use serde_json::{json, Value};
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long one request may take before the test fails rather than hangs.
const IO_TIMEOUT: Duration = Duration::from_secs(30);
/// How long chromedriver may take, once started, to say it is ready.
const READY_TIMEOUT: Duration = Duration::from_secs(10);
/// The key under which WebDriver returns a reference to an element.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// One headless Chromium session and the chromedriver serving it; dropping it ends both.
pub struct Browser {
    driver: Child,
    port: u16,
    /// Empty until the session is open, so that a failed start still cleans up.
    session: String,
    profile: PathBuf,
}

impl Browser {
    /// [`Browser::start`], or `None` after saying plainly why the test cannot run;
    /// with `CROSSCHECK_REQUIRE_BROWSER` set (as `.ci/run` sets it) a missing browser
    /// fails the test instead.
    pub fn start_or_say_why() -> Option<Browser> {
        match Browser::start() {
            Ok(browser) => Some(browser),
            Err(e) if std::env::var_os("CROSSCHECK_REQUIRE_BROWSER").is_some() => {
                panic!("CROSSCHECK_REQUIRE_BROWSER is set, and {e}")
            }
            Err(e) => {
                eprintln!("browser test cannot run: {e}");
                None
            }
        }
    }

    /// Starts chromedriver on a free port and opens a session in headless Chromium with
    /// a fresh profile. Err when either program is missing; panics if they fail.
    pub fn start() -> Result<Browser, String> {
        let missing = |name| {
            format!("chromium or chromedriver not installed: no {name} in /usr/bin or on PATH")
        };
        let chromedriver =
            find("chromedriver", "/usr/bin/chromedriver").ok_or_else(|| missing("chromedriver"))?;
        let chromium = find("chromium", "/usr/bin/chromium").ok_or_else(|| missing("chromium"))?;
        // Free when the listener is dropped; chromedriver binds it a moment later.
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|listener| listener.local_addr())
            .expect("pick a free port")
            .port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", chromedriver.display()));
        let mut browser = Browser {
            driver,
            port,
            session: String::new(),
            profile: fresh_profile(),
        };
        browser.wait_until_ready();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", browser.profile.display()),
            "--window-size=1200,900",
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "goog:chromeOptions": {"binary": chromium, "args": args},
            "goog:loggingPrefs": {"browser": "ALL"},
        }}});
        let session = browser.command("POST", "/session", Some(&capabilities));
        browser.session = session["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no sessionId in {session}"))
            .to_string();
        Ok(browser)
    }

    /// Navigates to `path`, which must be absolute, as a file:// URL; returns once loaded.
    pub fn open(&self, path: &Path) {
        assert!(path.is_absolute(), "not absolute: {}", path.display());
        self.in_session("POST", "/url", json!({"url": file_url(path)}));
    }

    /// Runs `js` as the body of a function in the page and returns what it returns.
    pub fn script(&self, js: &str) -> Value {
        self.in_session("POST", "/execute/sync", json!({"script": js, "args": []}))
    }

    /// Clicks the first element matching the CSS selector `css`.
    pub fn click(&self, css: &str) {
        let found = self.in_session(
            "POST",
            "/element",
            json!({"using": "css selector", "value": css}),
        );
        let id = found[ELEMENT]
            .as_str()
            .unwrap_or_else(|| panic!("no element reference for {css}: {found}"));
        self.in_session("POST", &format!("/element/{id}/click"), json!({}));
    }

    /// Resizes the window (its outer size, toolbars included when there are any).
    pub fn set_window_size(&self, width: u32, height: u32) {
        self.in_session(
            "POST",
            "/window/rect",
            json!({"width": width, "height": height}),
        );
    }

    /// Writes a PNG of the visible part of the page to `out`.
    pub fn screenshot(&self, out: &Path) {
        let encoded = self.in_session("GET", "/screenshot", Value::Null);
        let text = encoded.as_str().expect("screenshot as base64 text");
        std::fs::write(out, base64_decode(text))
            .unwrap_or_else(|e| panic!("write {}: {e}", out.display()));
    }

    /// The messages Chromium logged at level SEVERE (`console.error`, uncaught errors,
    /// failed loads) since the last call: reading the log empties it, so read it after
    /// each page. W3C WebDriver has no log command; this uses chromedriver's legacy one
    /// (`/se/log`, or `/log` on older drivers) and panics when neither exists. A hook on
    /// `window.onerror` installed through [`Browser::script`] would come too late for
    /// errors during load, so a page that must run elsewhere can record its own errors
    /// in `window.__errors` for the caller to read with `script`.
    pub fn console_errors(&self) -> Vec<String> {
        let body = json!({"type": "browser"});
        let path = |suffix: &str| format!("/session/{}{suffix}", self.session);
        let entries = self
            .request("POST", &path("/se/log"), Some(&body))
            .or_else(|first| {
                self.request("POST", &path("/log"), Some(&body))
                    .map_err(|second| format!("{first}; {second}"))
            })
            .unwrap_or_else(|e| panic!("read the browser log: {e}"));
        let entries = entries.as_array().cloned().unwrap_or_default();
        entries
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// A command on this session; a Null body means a GET or DELETE with none.
    fn in_session(&self, method: &str, suffix: &str, body: Value) -> Value {
        let path = format!("/session/{}{suffix}", self.session);
        self.command(method, &path, (!body.is_null()).then_some(&body))
    }

    /// A WebDriver command: its `value`, or a panic with chromedriver's error.
    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        self.request(method, path, body)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn request(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let failed = |why: String| format!("WebDriver {method} {path}: {why}");
        let (status, mut reply) = http(self.port, method, path, body).map_err(failed)?;
        if status != 200 {
            let error = &reply["value"];
            return Err(failed(format!(
                "HTTP {status}, {}: {}",
                error["error"], error["message"]
            )));
        }
        Ok(reply["value"].take())
    }

    fn wait_until_ready(&mut self) {
        let deadline = Instant::now() + READY_TIMEOUT;
        loop {
            if let Ok((200, status)) = http(self.port, "GET", "/status", None) {
                if status["value"]["ready"] == true {
                    return;
                }
            }
            if let Ok(Some(exit)) = self.driver.try_wait() {
                panic!("chromedriver exited before it was ready ({exit})");
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver not ready on port {} after {READY_TIMEOUT:?}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ending the session makes chromedriver quit Chromium; only then is killing
        // chromedriver safe. Errors are ignored: this may run while a test panics.
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = http(self.port, "DELETE", &path, None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// `usual` if it exists, else `name` in a folder on PATH.
fn find(name: &str, usual: &str) -> Option<PathBuf> {
    let usual = Path::new(usual);
    if usual.is_file() {
        return Some(usual.to_path_buf());
    }
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|folder| folder.join(name))
        .find(|path| path.is_file())
}

/// An empty folder for Chromium's profile, so that no run sees another's state.
fn fresh_profile() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let profile = std::env::temp_dir().join(format!(
        "crosscheck-chromium-{}-{}",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::create_dir_all(&profile).expect("create Chromium profile folder");
    profile
}

/// The file:// URL of an absolute path, its bytes percent-encoded where URLs need it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &byte in path.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// One HTTP/1.1 exchange with chromedriver: the status and the JSON body (Null when
/// empty). chromedriver answers `Connection: close` in kind but keeps the socket open,
/// so the response ends where its Content-Length (or last chunk) says, not at EOF.
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> Result<(u16, Value), String> {
    exchange(port, method, path, body).map_err(|e| e.to_string())
}

fn exchange(port: u16, method: &str, path: &str, body: Option<&Value>) -> io::Result<(u16, Value)> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, IO_TIMEOUT)?;
    stream.set_read_timeout(Some(IO_TIMEOUT))?;
    stream.set_write_timeout(Some(IO_TIMEOUT))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
         Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes())?;
    let mut response = Vec::new();
    let mut buffer = vec![0; 64 * 1024];
    loop {
        // Other scenarios in this process send signals to their children; a read the
        // signal interrupts is read again.
        let read = match stream.read(&mut buffer) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            read => read?,
        };
        response.extend_from_slice(&buffer[..read]);
        if let Some((status, body)) =
            parse_response(&response, read == 0).map_err(io::Error::other)?
        {
            if body.iter().all(u8::is_ascii_whitespace) {
                return Ok((status, Value::Null));
            }
            return Ok((status, serde_json::from_slice(&body)?));
        }
    }
}

/// The status and body of `response` once it is all there; None while more is to come.
/// `closed` says the stream has ended, which ends a body that has no stated length.
fn parse_response(response: &[u8], closed: bool) -> Result<Option<(u16, Vec<u8>)>, String> {
    let cut_short = |what: &str| {
        if closed {
            Err(format!("connection closed before the end of the {what}"))
        } else {
            Ok(None)
        }
    };
    let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        return cut_short("headers");
    };
    let head = String::from_utf8_lossy(&response[..end]);
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("no status in {head:?}"))?;
    let (mut length, mut chunked) = (None, false);
    for (name, value) in lines.filter_map(|line| line.split_once(':')) {
        // chromedriver writes no space after the colon: `Content-Length:251`.
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = Some(
                value
                    .parse::<usize>()
                    .map_err(|_| format!("bad length {value:?}"))?,
            );
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        }
    }
    let body = &response[end + 4..];
    let body = if chunked {
        dechunk(body)?
    } else if let Some(length) = length {
        body.get(..length).map(<[u8]>::to_vec)
    } else {
        closed.then(|| body.to_vec())
    };
    match body {
        Some(body) => Ok(Some((status, body))),
        None => cut_short("body"),
    }
}

/// The body of a `Transfer-Encoding: chunked` response (hex size lines and their
/// chunks), or None while its last, empty chunk has not arrived.
fn dechunk(mut rest: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let mut body = Vec::new();
    loop {
        let Some(eol) = rest.windows(2).position(|w| w == b"\r\n") else {
            return Ok(None);
        };
        let line = String::from_utf8_lossy(&rest[..eol]);
        // A size may be followed by extensions after ';'.
        let hex = line.split(';').next().unwrap_or_default().trim();
        let size =
            usize::from_str_radix(hex, 16).map_err(|_| format!("bad chunk size {line:?}"))?;
        rest = &rest[eol + 2..];
        if size == 0 {
            return Ok(Some(body));
        }
        let (Some(chunk), Some(after)) = (rest.get(..size), rest.get(size + 2..)) else {
            return Ok(None);
        };
        body.extend_from_slice(chunk);
        rest = after;
    }
}

/// Standard base64, as WebDriver sends screenshots, to bytes.
fn base64_decode(text: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let (mut buffer, mut bits) = (0u32, 0);
    for byte in text.bytes() {
        let sextet = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' | b'\r' | b'\n' => continue,
            _ => panic!("not base64: byte {byte:#04x}"),
        };
        // Only the bits not yet written out are kept.
        buffer = (buffer << 6 | u32::from(sextet)) & 0xFFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    bytes
}

#[test]
fn base64_and_chunks_decode() {
    assert_eq!(base64_decode("aGk="), b"hi");
    assert_eq!(base64_decode("iVBORw0KGgo="), b"\x89PNG\r\n\x1a\n");
    let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\
                    3\r\n{\"a\r\n2;x=1\r\n\":\r\n1\r\n1\r\n0\r\n\r\n";
    let whole = Some((200, b"{\"a\":1".to_vec()));
    assert_eq!(parse_response(chunked, false), Ok(whole));
    assert_eq!(parse_response(&chunked[..50], false), Ok(None));
    let sized = b"HTTP/1.1 404 Not Found\r\nContent-Length:2\r\n\r\n{}";
    assert_eq!(
        parse_response(sized, false),
        Ok(Some((404, b"{}".to_vec())))
    );
    assert!(parse_response(&sized[..40], true).is_err());
}
