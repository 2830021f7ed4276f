-- A third-party LSP client check: headless Neovim 0.7 (Debian's) starts `node dist/server.js --stdio`, asks
-- for the document symbols of the file it was opened on, a Go to Definition there (a cross-reference jump from
-- a recurring passage), waits for the server to say the corpus is indexed (pressCorpus/status), asks for a hover in
-- another file, and prints them all.
-- Neovim 0.7 has no vim.lsp.start (0.8+) nor `nvim -l` (0.9+): start_client and `-c luafile`.
--   PROBE_SERVER=dist/server.js PROBE_ROOT=<workspace> PROBE_HOVER_FILE=<file> PROBE_HOVER_LINE=<0-based>
--   PROBE_HOVER_CHARACTER=<0-based> PROBE_DEFINITION_LINE=<0-based> PROBE_DEFINITION_CHARACTER=<0-based> nvim --headless --clean -c 'luafile test/nvim/probe.lua' <file>
local function out(text) io.stdout:write(text .. '\n') end
local function fail(message) out('FAIL: ' .. message); vim.cmd('cquit 1') end
local env = vim.env

-- pressCorpus/status says when indexing is over: counts asked before then are partial ("so far").
local status = {}
local id = vim.lsp.start_client({ name = 'press-corpus', root_dir = env.PROBE_ROOT,
  cmd = { 'node', env.PROBE_SERVER, '--stdio' },
  handlers = { ['pressCorpus/status'] = function(_, params) status = params end } })
if not id then return fail('the server did not start') end
local symbols_buffer = vim.api.nvim_get_current_buf()
if not vim.wait(15000, function() local c = vim.lsp.get_client_by_id(id); return c and c.initialized end, 50) then
  return fail('no initialize answer')
end
out('initialized: ' .. vim.lsp.get_client_by_id(id).name)

-- Asks until the answer passes `accept` (the server indexes the corpus in the background after start), for
-- 20 s at most. A plain loop: buf_request_sync waits itself and cannot run inside vim.wait's callback.
local function request(buffer, method, params, accept)
  local result
  for _ = 1, 100 do
    local answers = vim.lsp.buf_request_sync(buffer, method, params, 5000)
    result = answers and answers[id] and answers[id].result
    if result ~= nil and accept(result) then return result end
    vim.wait(200)
  end
  return result
end

-- What a user's config does for corpus files (see docs/editors.md): the language id the server expects.
local function attach(buffer)
  vim.api.nvim_buf_set_option(buffer, 'filetype', 'press-corpus')
  vim.lsp.buf_attach_client(buffer, id)
end

attach(symbols_buffer)
local symbols = request(symbols_buffer, 'textDocument/documentSymbol',
  { textDocument = { uri = vim.uri_from_bufnr(symbols_buffer) } }, function(r) return #r > 0 end)
if not symbols or #symbols == 0 then return fail('no document symbols') end
for _, symbol in ipairs(symbols) do
  out(('symbol: %s (kind %d, line %d)'):format(symbol.name, symbol.kind, (symbol.range or symbol.location.range).start.line))
end

local definitions = request(symbols_buffer, 'textDocument/definition', { textDocument = { uri = vim.uri_from_bufnr(symbols_buffer) },
  position = { line = tonumber(env.PROBE_DEFINITION_LINE), character = tonumber(env.PROBE_DEFINITION_CHARACTER) } },
  function(r) return #r > 0 end)
if not definitions or #definitions == 0 then return fail('no definition') end
for _, location in ipairs(definitions) do
  out(('definition: %s line %d'):format(vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t'), location.range.start.line))
end
if not vim.wait(30000, function() return status.state == 'ready' end, 50) then
  return fail('the server never said it was ready (last status: ' .. tostring(status.state) .. ')')
end
out(('status: %s, %d of %d files, %d releases, %d problems'):format(status.state, status.filesIndexed,
  status.filesTotal, status.releases, status.problems))

vim.cmd('edit ' .. vim.fn.fnameescape(env.PROBE_HOVER_FILE))
local hover_buffer = vim.api.nvim_get_current_buf()
attach(hover_buffer)
local function hover_text(hover)
  local contents = hover.contents
  if type(contents) == 'string' then return contents end
  if contents.value then return contents.value end
  local parts = {}
  for _, part in ipairs(contents) do table.insert(parts, type(part) == 'string' and part or part.value) end
  return table.concat(parts, '\n')
end
local hover = request(hover_buffer, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(hover_buffer) },
  position = { line = tonumber(env.PROBE_HOVER_LINE), character = tonumber(env.PROBE_HOVER_CHARACTER) } },
  function(r) return hover_text(r) ~= '' end)
if not hover then return fail('no hover') end
out('hover: ' .. hover_text(hover):gsub('\n', '\nhover: '))

vim.lsp.stop_client(id)
out('RESULT: symbols, definition and hover received')
vim.cmd('qall!')
