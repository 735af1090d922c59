-- wrk script: each request submits the next draft of the file named after
-- `--`, as a browser without JavaScript posts the birth registration form,
-- with two scans of 200 KB that differ from request to request. The second
-- argument is the file holding the applicant's Cookie header value, the
-- third wrk's number of threads: each thread takes its own share of the
-- drafts.
local drafts = {}
local next_index = 0
local cookie = ""
local boundary = "----motcua-bench-7d1f"
local filler = string.rep("0", 200 * 1024)
local answers = {
  { "f:dien_thoai", "0912 345 678" },
  { "f:noi_cu_tru.tinh", "56" },
  { "f:noi_cu_tru.xa", "22366" },
  { "f:noi_cu_tru.chi_tiet", "12 Trần Phú" },
  { "f:quan_he", "me" },
  { "f:tre_ho_ten", "Nguyễn Thị Bền" },
  { "f:tre_ngay_sinh", "2026-11-20" },
  { "f:tre_gioi_tinh", "nu" },
  { "f:tre_dan_toc", "kinh" },
  { "f:tre_quoc_tich", "Việt Nam" },
  { "f:tre_noi_sinh.tinh", "56" },
  { "f:tre_noi_sinh.xa", "22366" },
  { "f:tre_que_quan.tinh", "56" },
  { "f:tre_que_quan.xa", "22366" },
  { "f:me_ho_ten", "Trần Thị Mẹ" },
  { "f:me_ngay_sinh", "1995-03-02" },
  { "f:me_quoc_tich", "Việt Nam" },
  { "f:me_noi_cu_tru.tinh", "56" },
  { "f:me_noi_cu_tru.xa", "22366" },
  { "f:co_thong_tin_cha", "khong" },
  { "f:cap_ban_sao", "khong" },
  { "f:cam_doan", "on" },
  { "co_quan", "ubnd-22366" },
  { "intent", "nop" },
}

local started = 0
function setup(thread)
  thread:set("id", started)
  started = started + 1
end

function init(args)
  local index = 0
  local threads = tonumber(args[3]) or 1
  for line in io.lines(args[1]) do
    if line ~= "" then
      if index % threads == id then
        drafts[#drafts + 1] = line
      end
      index = index + 1
    end
  end
  local file = io.open(args[2])
  cookie = file:read("*l")
  file:close()
  math.randomseed(os.time() + id)
end

local function scan(name, file_name)
  local pdf = "%PDF-1.4\n% " .. math.random(1, 2 ^ 30) .. "-" .. math.random(1, 2 ^ 30) .. "\n" .. filler .. "\n%%EOF\n"
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"; filename=\"" .. file_name
    .. "\"\r\nContent-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n"
end

function request()
  next_index = next_index % #drafts + 1
  local parts = {}
  for _, answer in ipairs(answers) do
    parts[#parts + 1] = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. answer[1] .. "\"\r\n\r\n"
      .. answer[2] .. "\r\n"
  end
  parts[#parts + 1] = scan("tep:giay_chung_sinh", "giay-chung-sinh.pdf")
  parts[#parts + 1] = scan("tep:giay_to_tuy_than", "can-cuoc.pdf")
  parts[#parts + 1] = "--" .. boundary .. "--\r\n"
  local headers = {
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    ["Cookie"] = cookie,
  }
  return wrk.format("POST", "/ho-so/" .. drafts[next_index] .. "/luu", headers, table.concat(parts))
end
