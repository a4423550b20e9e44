-- Run by tests/lsp/test_neovim.py: open a daily note, wait for the vault's diagnostics
-- (a contact note's R001 included, though it is not open), type a link to the contact
-- (unsaved) and wait for the R001 to go; write what was seen to $MDNET_NVIM_OUT as JSON.
local daily, contact, out = os.getenv("MDNET_DAILY"), os.getenv("MDNET_CONTACT"), os.getenv("MDNET_NVIM_OUT")
vim.cmd("edit " .. vim.fn.fnameescape(daily))
local contact_buffer = vim.fn.bufadd(contact)

local function seen(buffer)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    table.insert(found, { line = d.lnum + 1, code = d.code, severity = d.severity, source = d.source, message = d.message })
  end
  return found
end

local result = {}
local clock = vim.loop.hrtime
local began = clock()
result.started = vim.wait(30000, function() return #vim.diagnostic.get(contact_buffer) > 0 end, 50)
result.contact = seen(contact_buffer)
result.started_ms = (clock() - began) / 1e6
result.daily = seen(0)
vim.api.nvim_buf_set_lines(0, -1, -1, false, { "Lunch with [[Jane]]." })
result.cleared = vim.wait(30000, function() return #vim.diagnostic.get(contact_buffer) == 0 end, 50)
result.contact_after = seen(contact_buffer)
result.cleared_ms = (clock() - began) / 1e6
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd("qall!")
